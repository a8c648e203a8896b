/** Community success: NPS per survey (and per partner), usage per partner and the declining flag. */
import { Decimal } from '../money/decimal.js';
import type { Feedback } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addMonths } from '../time/calendar.js';
import type { FigureContext } from './context.js';
import { roundHalfAwayFromZero } from './stats.js';

export interface Nps {
  survey: string;
  score: number;
  responses: number;
  promoters: number;
  detractors: number;
}

/** Fewer responses than this and a per-partner NPS says more about chance than the partner. */
export const MIN_RESPONSES_PER_PARTNER = 5;
/** M is declining below this share of the mean of the three months before. */
export const DECLINE_THRESHOLD = new Decimal('0.7');

export function nps(survey: string, responses: readonly Feedback[]): Nps {
  const promoters = responses.filter((r) => r.score >= 9).length;
  const detractors = responses.filter((r) => r.score <= 6).length;
  const score = roundHalfAwayFromZero(new Decimal(100).times(promoters - detractors).dividedBy(responses.length));
  return { survey, score, responses: responses.length, promoters, detractors };
}

/** NPS of every survey round, over all partners' responses dated by the as-of date. */
export function npsBySurvey(ctx: FigureContext, partners: readonly PartnerFolder[] = ctx.repo.partners): Nps[] {
  const rounds = new Map<string, Feedback[]>();
  for (const p of partners) {
    for (const { value: f } of p.feedback) {
      if (f.date > ctx.asOf) continue;
      const round = rounds.get(f.survey);
      if (round) round.push(f);
      else rounds.set(f.survey, [f]);
    }
  }
  return [...rounds.keys()].sort().map((survey) => nps(survey, rounds.get(survey)!));
}

/** A partner's NPS over all its responses, when it has enough of them. */
export function partnerNps(ctx: FigureContext, partner: PartnerFolder): Nps | undefined {
  const responses = partner.feedback.map((f) => f.value).filter((f) => f.date <= ctx.asOf);
  return responses.length >= MIN_RESPONSES_PER_PARTNER ? nps('all', responses) : undefined;
}

/** Monthly active users summed over the partner's hubs; months without data are absent. */
export function usageByMonth(partner: PartnerFolder): Map<string, number> {
  const out = new Map<string, number>();
  for (const { value: u } of partner.usage) out.set(u.month, (out.get(u.month) ?? 0) + u.active_users);
  return out;
}

/** Declining: M's users below 70 % of the mean of the three months before, all four months having data. */
export function isDeclining(byMonth: Map<string, number>, month: string): boolean {
  const current = byMonth.get(month);
  const before = [1, 2, 3].map((k) => byMonth.get(addMonths(month, -k)));
  if (current === undefined || before.some((v) => v === undefined)) return false;
  const mean = new Decimal(before.reduce((a, b) => a! + b!, 0)!).dividedBy(3);
  return new Decimal(current).lessThan(mean.times(DECLINE_THRESHOLD));
}

export function decliningUsage(ctx: FigureContext): string[] {
  return ctx.repo.partners.filter((p) => isDeclining(usageByMonth(p), ctx.month)).map((p) => p.id);
}

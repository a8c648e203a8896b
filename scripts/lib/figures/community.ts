/**
 * Community success: NPS and CSAT per survey (and per partner), CSAT of support
 * per month, training sessions, usage per partner and the declining flag.
 */
import { Decimal } from '../money/decimal.js';
import type { Feedback } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, addMonths } from '../time/calendar.js';
import { inWindow, windowEnding } from '../time/window.js';
import { memoized, type FigureContext } from './context.js';
import { percentRounded } from './stats.js';
import { pushTo } from '../collections.js';

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
  const score = percentRounded(promoters - detractors, responses.length);
  return { survey, score, responses: responses.length, promoters, detractors };
}

/** NPS of every survey round, over all partners' responses dated by the as-of date. */
export function npsBySurvey(ctx: FigureContext, partners: readonly PartnerFolder[] = ctx.repo.partners): Nps[] {
  const rounds = new Map<string, Feedback[]>();
  for (const p of partners) {
    for (const { value: f } of p.feedback) {
      if (f.date > ctx.asOf || isCsat(f)) continue;
      pushTo(rounds, f.survey, f);
    }
  }
  return [...rounds.keys()].sort().map((survey) => nps(survey, rounds.get(survey)!));
}

/** A partner's NPS over all its responses, when it has enough of them. */
export function partnerNps(ctx: FigureContext, partner: PartnerFolder): Nps | undefined {
  const responses = partner.feedback.map((f) => f.value).filter((f) => f.date <= ctx.asOf && !isCsat(f));
  return responses.length >= MIN_RESPONSES_PER_PARTNER ? nps('all', responses) : undefined;
}

/** A CSAT response (1..5); every other response is NPS (0..10), the default kind. */
export const isCsat = (f: Feedback) => f.kind === 'csat';

export interface Csat {
  /** The survey round, or `support-YYYY-MM` for the CSAT of the support requests resolved in that month. */
  survey: string;
  /** CSAT% = round(100 × responses scoring 4 or 5 / responses), half up. */
  score: number;
  responses: number;
}

/** How a report names a CSAT row: the survey round, or "support requests resolved in 2026-11". */
export function csatLabel(survey: string): string {
  return survey.startsWith('support-') ? `support requests resolved in ${survey.slice('support-'.length)}` : survey;
}

export function csat(survey: string, scores: readonly number[]): Csat {
  const satisfied = scores.filter((s) => s >= 4).length;
  return {
    survey,
    score: percentRounded(satisfied, scores.length),
    responses: scores.length,
  };
}

/**
 * CSAT% of every CSAT survey round, then of the support requests per month
 * (of resolution; of opening for one rated while still open), all to D.
 */
export function csatBySurvey(ctx: FigureContext, partners: readonly PartnerFolder[] = ctx.repo.partners): Csat[] {
  const surveys = new Map<string, number[]>();
  const support = new Map<string, number[]>();
  for (const p of partners) {
    for (const { value: f } of p.feedback) if (isCsat(f) && f.date <= ctx.asOf) pushTo(surveys, f.survey, f.score);
    for (const { value: r } of p.support)
      if (r.csat !== undefined) pushTo(support, `support-${(r.resolved ?? r.opened).slice(0, 7)}`, r.csat);
  }
  const rows = (map: Map<string, number[]>) => [...map.keys()].sort().map((k) => csat(k, map.get(k)!));
  return [...rows(surveys), ...rows(support)];
}

/** A satisfaction answer: its day and score. */
export interface Answer {
  date: string;
  score: number;
}

/**
 * The partner's latest CSAT answer in the 180 days up to D (the signal
 * `low-satisfaction`): a CSAT survey response, or a support request's rating
 * (dated the day it was resolved). Of several on that day, the lowest.
 */
export function latestCsat(ctx: FigureContext, partner: PartnerFolder): Answer | undefined {
  const after = satisfactionWindowStart(ctx);
  let latest: Answer | undefined;
  for (const { value: f } of partner.feedback) if (isCsat(f)) latest = later(ctx, after, latest, f.date, f.score);
  for (const { value: r } of partner.support)
    if (r.csat !== undefined && r.resolved !== undefined)
      latest = later(ctx, after, latest, r.resolved.slice(0, 10), r.csat);
  return latest;
}

/** The partner's latest NPS answer in the 180 days up to D; of several on that day, the lowest. */
export function latestNps(ctx: FigureContext, partner: PartnerFolder): Answer | undefined {
  const after = satisfactionWindowStart(ctx);
  let latest: Answer | undefined;
  for (const { value: f } of partner.feedback) if (!isCsat(f)) latest = later(ctx, after, latest, f.date, f.score);
  return latest;
}

/** How far back a partner's latest answer still says how they feel (SPEC-2 B: 180 days). */
export const SATISFACTION_WINDOW_DAYS = 180;

/** D − 180, once per context: health asks it twice per partner, at D and at D − 7. */
function satisfactionWindowStart(ctx: FigureContext): string {
  return memoized(ctx, 'satisfaction window', () => addDays(ctx.asOf, -SATISFACTION_WINDOW_DAYS));
}

/**
 * The latest of `latest` and the answer (date, score), if that answer is inside the window (after `after`, by D);
 * of two on the same day, the lower. Folded answer by answer, without a list of them per partner.
 */
function later(
  ctx: FigureContext,
  after: string,
  latest: Answer | undefined,
  date: string,
  score: number,
): Answer | undefined {
  if (date <= after || date > ctx.asOf) return latest;
  if (!latest || date > latest.date || (date === latest.date && score < latest.score)) return { date, score };
  return latest;
}

export interface TrainingFigures {
  partner: PartnerFolder;
  sessions: number;
  attendees: number;
}

/**
 * Training sessions and attendees per partner over the 12 months ending D
 * (after D − 1 year, to D), for partners with a session then; and the
 * partners in onboarding or active with none.
 */
export function training(ctx: FigureContext): { partners: TrainingFigures[]; untrained: PartnerFolder[] } {
  const year = windowEnding(ctx.asOf, 12);
  const partners: TrainingFigures[] = [];
  const untrained: PartnerFolder[] = [];
  for (const partner of ctx.repo.partners) {
    const held = partner.training.map((t) => t.value).filter((t) => inWindow(year, t.date));
    if (held.length)
      partners.push({ partner, sessions: held.length, attendees: held.reduce((n, t) => n + t.attendees, 0) });
    const stage = partner.profile?.value.stage;
    if (!held.length && (stage === 'onboarding' || stage === 'active')) untrained.push(partner);
  }
  return { partners, untrained };
}

/** Monthly active users summed over the partner's hubs; months without data are absent. */
export function usageByMonth(partner: PartnerFolder): ReadonlyMap<string, number> {
  let out = USAGE_BY_MONTH.get(partner.usage);
  if (!out) {
    out = new Map<string, number>();
    for (const { value: u } of partner.usage) out.set(u.month, (out.get(u.month) ?? 0) + u.active_users);
    USAGE_BY_MONTH.set(partner.usage, out);
  }
  return out;
}

/**
 * Kept by the list of usage records itself (records are never changed once loaded): declining usage at each of
 * the report's dates, health, onboarding and the community and partner pages read the same partner's months.
 */
const USAGE_BY_MONTH = new WeakMap<object, Map<string, number>>();

/** M's active users against the mean of the three months before: what the declining flag compares. */
export interface UsageChange {
  month: string;
  current: number;
  /** Mean of the three months before M, exact (not rounded). */
  mean: Decimal;
}

/** M's users against the mean of the three months before; undefined unless all four months have data. */
export function usageChange(byMonth: ReadonlyMap<string, number>, month: string): UsageChange | undefined {
  const current = byMonth.get(month);
  const before = [1, 2, 3].map((k) => byMonth.get(addMonths(month, -k)));
  if (current === undefined || before.some((v) => v === undefined)) return undefined;
  return { month, current, mean: new Decimal(before.reduce((a, b) => a! + b!, 0)!).dividedBy(3) };
}

/** Declining: M's users below 70 % of the mean of the three months before, all four months having data. */
export function isDeclining(byMonth: ReadonlyMap<string, number>, month: string): boolean {
  const current = byMonth.get(month);
  if (current === undefined) return false;
  let total = 0;
  for (let k = 1; k <= 3; k++) {
    const users = byMonth.get(addMonths(month, -k));
    if (users === undefined) return false;
    total += users;
  }
  // Users are whole numbers (the schema's), so current < total ÷ 3 × 0.7 is current × 30 < total × 7, exactly, in
  // whole numbers: no decimal per partner and date (the figure is asked at D, a month and a week before).
  if (Number.isSafeInteger(current * 30) && Number.isSafeInteger(total * 7)) return current * 30 < total * 7;
  return new Decimal(current).lessThan(new Decimal(total).dividedBy(3).times(DECLINE_THRESHOLD));
}

/** Worked out once per as-of date: the figure itself and each partner's health read it. */
export function decliningUsage(ctx: FigureContext): string[] {
  return memoized(ctx, `declining usage ${ctx.asOf}`, () =>
    ctx.repo.partners.filter((p) => isDeclining(usageByMonth(p), ctx.month)).map((p) => p.id),
  );
}

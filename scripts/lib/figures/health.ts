/**
 * Engagement health (SPEC-2 B): for every partner in onboarding, active or
 * paused, each signal that applies at D, and the worst of them. The signals
 * reuse the figures that define them (receivables, renewals, declining usage,
 * cloud costs, the change history); nothing is derived twice.
 */
import type { PartnerFolder } from '../model/repository.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { decliningUsage } from './community.js';
import type { ContractView, FigureContext } from './context.js';
import { cloudCostAnomalies, hasLaterContract, inHealthStage, lapseOf } from './engagement.js';
import type { PartnerActivity } from './history.js';
import { receivables } from './receivables.js';
import { noticeDeadline } from './renewals.js';

export type Health = 'off-track' | 'at-risk' | 'on-track';

/** The signals, in the order they are listed, with the health each one sets and how the review says it. */
export const SIGNALS = {
  'overdue-60': { health: 'off-track', phrase: 'invoice 60+ days overdue' },
  lapsed: { health: 'off-track', phrase: 'agreement lapsed, hub still running' },
  'notice-passed': { health: 'at-risk', phrase: 'renewal notice date passed, no renewal signed' },
  'declining-usage': { health: 'at-risk', phrase: 'usage declining' },
  'low-satisfaction': { health: 'at-risk', phrase: 'low satisfaction in latest survey' },
  'stale-request': { health: 'at-risk', phrase: 'urgent support request open over 7 days' },
  'cloud-cost-anomaly': { health: 'at-risk', phrase: 'cloud cost jumped' },
  'not-updated': { health: 'at-risk', phrase: 'record not updated for 30+ days' },
} as const satisfies Record<string, { health: Health; phrase: string }>;

export type SignalId = keyof typeof SIGNALS;
const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

/** Worst first. */
export const HEALTHS: readonly Health[] = ['off-track', 'at-risk', 'on-track'];

export const OVERDUE_DAYS = 60;
/** Survey answers older than this many days before D say nothing about today. */
export const SATISFACTION_DAYS = 180;
export const NPS_LOW = 6;
export const CSAT_LOW = 2;
export const NOT_UPDATED_DAYS = 30;

export interface PartnerHealth {
  partner: string;
  health: Health;
  reasons: SignalId[];
}

/**
 * The partner's latest CSAT response in the 180 days before D.
 * integrator: swap in 13a's CSAT (feedback responses with `kind: csat`, and support.yaml `csat`); none until then.
 */
export function latestCsat(_ctx: FigureContext, _partner: PartnerFolder): { date: string; score: number } | undefined {
  return undefined;
}

/**
 * The partner's support requests of priority high or urgent open for more than 7 days at D.
 * integrator: swap in 13a's support.yaml figures; no support requests exist until then.
 */
export function staleRequests(_ctx: FigureContext, _partner: PartnerFolder): { id: string }[] {
  return [];
}

/**
 * The lowest score given on the day of the partner's latest NPS response in the
 * 180 days up to D (responses without `kind` are NPS), or undefined.
 */
export function latestNps(ctx: FigureContext, partner: PartnerFolder): { date: string; score: number } | undefined {
  const after = addDays(ctx.asOf, -SATISFACTION_DAYS);
  let latest: { date: string; score: number } | undefined;
  for (const { value: f } of partner.feedback) {
    const kind = (f as { kind?: string }).kind;
    if ((kind !== undefined && kind !== 'nps') || f.date <= after || f.date > ctx.asOf) continue;
    if (!latest || f.date > latest.date || (f.date === latest.date && f.score < latest.score))
      latest = { date: f.date, score: f.score };
  }
  return latest;
}

function lowSatisfaction(ctx: FigureContext, partner: PartnerFolder): boolean {
  const nps = latestNps(ctx, partner);
  const csat = latestCsat(ctx, partner);
  const lowCsat =
    csat !== undefined &&
    csat.date > addDays(ctx.asOf, -SATISFACTION_DAYS) &&
    csat.date <= ctx.asOf &&
    csat.score <= CSAT_LOW;
  return (nps !== undefined && nps.score <= NPS_LOW) || lowCsat;
}

/** Not changed in git for 30 days or more; never flagged without a git history or before its first commit. */
function notUpdated(ctx: FigureContext, activity: Map<string, PartnerActivity> | undefined, partner: string): boolean {
  const last = activity?.get(partner)?.lastUpdated;
  return last !== undefined && daysBetween(last, ctx.asOf) >= NOT_UPDATED_DAYS;
}

/**
 * Active contracts still running at D whose notice date is before D and after which the partner has no
 * signed contract. Not only those in the renewal window: a 120-day notice passes before the 90-day window opens.
 */
export function noticesPassed(ctx: FigureContext): ContractView[] {
  return ctx.contracts.filter(
    (v) =>
      v.contract.status === 'active' &&
      v.contract.end > ctx.asOf &&
      noticeDeadline(v.contract) < ctx.asOf &&
      !hasLaterContract(ctx, v),
  );
}

/**
 * Every partner in onboarding, active or paused with its signals and health, by partner id.
 * `activity` is the change history (undefined when the data is not in git: nothing is "not updated").
 */
export function engagementHealth(ctx: FigureContext, activity?: Map<string, PartnerActivity>): PartnerHealth[] {
  const overdue = new Set(
    receivables(ctx)
      .open.filter((o) => o.daysPastDue >= OVERDUE_DAYS)
      .map((o) => o.partner.id),
  );
  const noticePassed = new Set(noticesPassed(ctx).map((v) => v.partner.id));
  const declining = new Set(decliningUsage(ctx));
  const anomalous = new Set(cloudCostAnomalies(ctx).map((a) => a.partner));
  return ctx.repo.partners
    .filter(inHealthStage)
    .map((p) => {
      const applies: Record<SignalId, boolean> = {
        'overdue-60': overdue.has(p.id),
        lapsed: lapseOf(ctx, p) !== undefined,
        'notice-passed': noticePassed.has(p.id),
        'declining-usage': declining.has(p.id),
        'low-satisfaction': lowSatisfaction(ctx, p),
        'stale-request': staleRequests(ctx, p).length > 0,
        'cloud-cost-anomaly': anomalous.has(p.id),
        'not-updated': notUpdated(ctx, activity, p.id),
      };
      const reasons = SIGNAL_IDS.filter((id) => applies[id]);
      const health = HEALTHS.find((h) => reasons.some((r) => SIGNALS[r].health === h)) ?? 'on-track';
      return { partner: p.id, health, reasons };
    })
    .sort((a, b) => (a.partner < b.partner ? -1 : 1));
}

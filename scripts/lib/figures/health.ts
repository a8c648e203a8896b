/**
 * Engagement health (SPEC-2 B): for every partner in onboarding, active or
 * paused, each signal that applies at D, and the worst of them. The signals
 * reuse the figures that define them (receivables, renewals, declining usage,
 * cloud costs, the change history, days in onboarding); nothing is derived twice.
 */
import type { PartnerFolder } from '../model/repository.js';
import { daysBetween } from '../time/calendar.js';
import { decliningUsage, latestCsat, latestNps } from './community.js';
import type { ContractView, FigureContext } from './context.js';
import { cloudCostAnomalies, hasLaterContract, inHealthStage, lapseOf } from './engagement.js';
import type { PartnerActivity } from './history.js';
import { stuckInOnboarding } from './onboarding.js';
import { receivables } from './receivables.js';
import { staleRequests } from './support.js';
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
  'stuck-onboarding': { health: 'at-risk', phrase: 'in onboarding for more than 30 days' },
} as const satisfies Record<string, { health: Health; phrase: string }>;

export type SignalId = keyof typeof SIGNALS;
const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

/** Worst first. */
export const HEALTHS: readonly Health[] = ['off-track', 'at-risk', 'on-track'];

export const OVERDUE_DAYS = 60;
export const NPS_LOW = 6;
export const CSAT_LOW = 2;
export const NOT_UPDATED_DAYS = 30;

export interface PartnerHealth {
  partner: string;
  health: Health;
  reasons: SignalId[];
}

function lowSatisfaction(ctx: FigureContext, partner: PartnerFolder): boolean {
  const nps = latestNps(ctx, partner);
  const csat = latestCsat(ctx, partner);
  return (nps !== undefined && nps.score <= NPS_LOW) || (csat !== undefined && csat.score <= CSAT_LOW);
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
        'stuck-onboarding': stuckInOnboarding(p, ctx.asOf),
      };
      const reasons = SIGNAL_IDS.filter((id) => applies[id]);
      const health = HEALTHS.find((h) => reasons.some((r) => SIGNALS[r].health === h)) ?? 'on-track';
      return { partner: p.id, health, reasons };
    })
    .sort((a, b) => (a.partner < b.partner ? -1 : 1));
}

/** Every figure of one as-of date, as plain data: pure functions of (records, as-of date). */
import { NO_HISTORY, type History } from '../load/history.js';
import type { Repository } from '../model/repository.js';
import { partnerActivity, recentChanges, stalePartners, type ChangeGroup, type PartnerActivity } from './history.js';
import { addMonthsToDate } from '../time/calendar.js';
import { factsAt } from './as-of.js';
import { figureContext, type FigureContext } from './context.js';
import { decliningUsage, npsBySurvey, type Nps } from './community.js';
import { pendingCloudBills } from './costs.js';
import { deliverableFigures, type DeliverableFigures } from './deliverables.js';
import { ledgers, type ContractLedger } from './ledger.js';
import { milestoneSpans, onboardingPartners, type MilestoneSpan, type OnboardingPartner } from './onboarding.js';
import { deals, grantProspects, type Deal, type GrantProspect } from './pipeline.js';
import { projection, type ProjectionMonth } from './projection.js';
import { receivables, type Receivables } from './receivables.js';
import { partnerRecovery, recoveryAt, recoveryTrend, type PartnerRecovery, type RecoveryPoint } from './recovery.js';
import { renewals, type Renewal } from './renewals.js';
import { unbilled, type UnbilledPeriod } from './unbilled.js';

export interface HistoryFigures {
  available: boolean;
  activity: Map<string, PartnerActivity>;
  stale: PartnerActivity[];
  changes: ChangeGroup[];
}

export interface Figures {
  ctx: FigureContext;
  asOf: string;
  currency: string;
  recovery: RecoveryPoint;
  trend: RecoveryPoint[];
  partners: PartnerRecovery[];
  receivables: Receivables;
  unbilled: UnbilledPeriod[];
  ledgers: ContractLedger[];
  renewals: Renewal[];
  deliverables: DeliverableFigures;
  onboarding: OnboardingPartner[];
  milestoneSpans: MilestoneSpan[];
  nps: Nps[];
  decliningUsage: string[];
  /** Partners whose cloud bill for the as-of month is not in yet. */
  pendingCloudBills: string[];
  deals: Deal[];
  grantProspects: GrantProspect[];
  projection: ProjectionMonth[];
  history: HistoryFigures;
}

/**
 * Every figure at `asOf`. Each is computed the first time it is read, then
 * kept: "change since last month" reads a handful of headline figures of the
 * month before, not all of them.
 */
export function computeFigures(records: Repository, asOf: string, history: History = NO_HISTORY): Figures {
  // Only what was true on the as-of date: facts dated later are taken back first.
  const repo = factsAt(records, asOf);
  const ctx = figureContext(repo, asOf);
  const activity = partnerActivity(history, asOf);
  return lazily<Figures>({
    ctx: () => ctx,
    asOf: () => asOf,
    currency: () => repo.config.reporting_currency,
    recovery: () => recoveryAt(ctx, ctx.month),
    trend: () => recoveryTrend(ctx),
    partners: () => partnerRecovery(ctx),
    receivables: () => receivables(ctx),
    unbilled: () => unbilled(ctx),
    ledgers: () => ledgers(ctx),
    renewals: () => renewals(ctx),
    deliverables: () => deliverableFigures(ctx),
    onboarding: () => onboardingPartners(ctx),
    milestoneSpans: () => milestoneSpans(ctx),
    nps: () => npsBySurvey(ctx),
    decliningUsage: () => decliningUsage(ctx),
    pendingCloudBills: () => pendingCloudBills(ctx, ctx.month),
    deals: () => deals(ctx),
    grantProspects: () => grantProspects(ctx),
    projection: () => projection(ctx),
    history: () => ({
      available: history.available,
      activity,
      stale: stalePartners(repo, activity, asOf),
      changes: recentChanges(history, asOf),
    }),
  });
}

/** An object whose every property is made by its function on first read, then kept. */
function lazily<T extends object>(makers: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = makers[key]();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}

/** The same day a month earlier (clamped), for "change vs last month". */
export function previousMonthDate(asOf: string): string {
  return addMonthsToDate(asOf, -1);
}

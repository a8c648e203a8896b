/**
 * Every figure of one as-of date, as plain data: pure functions of (records,
 * as-of date). FIGURES is the one list of them: each entry says how it is
 * computed, what it is and where docs/figures.md defines it, and the keys it
 * writes in the `metrics` JSON; computeFigures, metricsJson and the index of
 * docs/figures.md all read it.
 */
import { NO_HISTORY, type History } from '../load/history.js';
import type { Repository } from '../model/repository.js';
import { addMonthsToDate } from '../time/calendar.js';
import { factsAt } from './as-of.js';
import { figureContext, type FigureContext } from './context.js';
import { partnerActivity } from './history.js';
import type { FigureInput, HistoryFigures } from './table/figure.js';
import { REVENUE_FIGURES } from './table/revenue.js';
import { INVOICING_FIGURES } from './table/invoicing.js';
import { ENGAGEMENT_FIGURES } from './table/engagement.js';
import { GROWTH_FIGURES } from './table/growth.js';

export type { HistoryFigures };

/** Every figure, in the order of the metrics JSON and of docs/figures.md's index. */
export const FIGURES = {
  recovery: REVENUE_FIGURES.recovery,
  completeness: REVENUE_FIGURES.completeness,
  receivables: INVOICING_FIGURES.receivables,
  unbilled: INVOICING_FIGURES.unbilled,
  renewals: INVOICING_FIGURES.renewals,
  deliverables: GROWTH_FIGURES.deliverables,
  onboarding: ENGAGEMENT_FIGURES.onboarding,
  milestoneSpans: ENGAGEMENT_FIGURES.milestoneSpans,
  nps: ENGAGEMENT_FIGURES.nps,
  decliningUsage: ENGAGEMENT_FIGURES.decliningUsage,
  trend: REVENUE_FIGURES.trend,
  partners: REVENUE_FIGURES.partners,
  ledgers: INVOICING_FIGURES.ledgers,
  deals: GROWTH_FIGURES.deals,
  grantProspects: GROWTH_FIGURES.grantProspects,
  history: GROWTH_FIGURES.history,
  projection: GROWTH_FIGURES.projection,
  runway: GROWTH_FIGURES.runway,
  usageFees: REVENUE_FIGURES.usageFees,
  pendingUsage: REVENUE_FIGURES.pendingUsage,
  pricing: REVENUE_FIGURES.pricing,
  contractMargins: REVENUE_FIGURES.contractMargins,
  partnersPerTier: REVENUE_FIGURES.partnersPerTier,
  usageByBand: REVENUE_FIGURES.usageByBand,
  support: ENGAGEMENT_FIGURES.support,
  supportHours: ENGAGEMENT_FIGURES.supportHours,
  csat: ENGAGEMENT_FIGURES.csat,
  training: ENGAGEMENT_FIGURES.training,
  timeToFirstValue: ENGAGEMENT_FIGURES.timeToFirstValue,
  awaitingFirstValue: ENGAGEMENT_FIGURES.awaitingFirstValue,
  health: ENGAGEMENT_FIGURES.health,
  lapsed: ENGAGEMENT_FIGURES.lapsed,
  offboarding: ENGAGEMENT_FIGURES.offboarding,
  cloudCostAnomalies: ENGAGEMENT_FIGURES.cloudCostAnomalies,
  lqr: GROWTH_FIGURES.lqr,
  renewalRate: GROWTH_FIGURES.renewalRate,
  fmrr: GROWTH_FIGURES.fmrr,
  leadSources: GROWTH_FIGURES.leadSources,
  funnel: GROWTH_FIGURES.funnel,
  cohorts: GROWTH_FIGURES.cohorts,
  market: GROWTH_FIGURES.market,
  jointVentures: GROWTH_FIGURES.jointVentures,
  unattributed: REVENUE_FIGURES.unattributed,
};

type Table = typeof FIGURES;

export type Figures = { ctx: FigureContext; asOf: string; currency: string } & {
  readonly [K in keyof Table]: ReturnType<Table[K]['compute']>;
};

/**
 * Every figure at `asOf`. Each is computed the first time it is read, then
 * kept: "change since last month" reads a handful of headline figures of the
 * month before, not all of them.
 */
export function computeFigures(records: Repository, asOf: string, history: History = NO_HISTORY): Figures {
  // Only what was true on the as-of date: facts dated later are taken back first.
  const repo = factsAt(records, asOf);
  const ctx = figureContext(repo, asOf);
  const input: FigureInput = { ctx, history, activity: partnerActivity(history, asOf) };
  const f = { ctx, asOf, currency: repo.config.reporting_currency } as Figures;
  for (const [key, spec] of Object.entries(FIGURES) as [keyof Table, { compute: (i: FigureInput) => unknown }][]) {
    Object.defineProperty(f, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = spec.compute(input);
        Object.defineProperty(f, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return f;
}

/** The same day a month earlier (clamped), for "change vs last month". */
export function previousMonthDate(asOf: string): string {
  return addMonthsToDate(asOf, -1);
}

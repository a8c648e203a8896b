/**
 * How long the money lasts (SPEC-3 S2–S5, S7, S9). Everything here is gross
 * of the fiscal sponsor fee on the revenue side, and the fee is counted once,
 * in costs: costs(m) = the projection's recurring costs + fee × committed(m).
 */
import { Decimal, dec, sum, ZERO } from '../money/decimal.js';
import { addMonths } from '../time/calendar.js';
import { daysInside, monthPeriod } from '../time/periods.js';
import { cashAt, type CashOnHand } from './cash.js';
import { memoized, type ContractView, type FigureContext } from './context.js';
import { PROJECTION_MONTHS, projectionAt } from './projection.js';
import { feeRevenue } from './revenue.js';
import { scenarios, type Scenarios } from './scenarios.js';
import { contractUsageFees } from './usage-fees.js';

/** The months after M that surplus/deficit and coverage look at. */
export const NEAR_MONTHS = 6;

export const STATUSES = ['over', 'green', 'yellow', 'red'] as const;
export type Status = (typeof STATUSES)[number];
export interface Thresholds {
  over: number;
  green: number;
  yellow: number;
}
export const DEFAULT_THRESHOLDS: Record<'runway' | 'surplus' | 'coverage', Thresholds> = {
  runway: { over: 24, green: 12, yellow: 6 },
  surplus: { over: 1.3, green: 1, yellow: 0.85 },
  coverage: { over: 2.5, green: 1.5, yellow: 1 },
};

export interface RunwayMonth {
  month: string;
  /** Committed fixed fees of m, gross of the sponsor fee. */
  committed: Decimal;
  /** The projection's recurring costs + the sponsor fee on committed(m). */
  costs: Decimal;
  /** Cash at D + Σ (committed − costs) up to and including m. */
  balance?: Decimal;
}

/** What it takes to reach the next status: the amount and what it is an amount of. */
export interface Target {
  status: Exclude<Status, 'red'>;
  /** Undefined when money cannot get there (a sponsor fee so high that more revenue never lifts the ratio). */
  needs?: Decimal;
  sentence: string;
}

export interface Runway {
  cash?: CashOnHand;
  months: RunwayMonth[];
  /** Months before the balance first goes below 0, at most 18; undefined without a cash statement. */
  runwayMonths?: number;
  /** The month the balance first goes below 0, when within the 18 months. */
  runsOut?: string;
  status?: Status;
  target?: Target;
  surplus: {
    ratio?: Decimal;
    /** Mean committed − mean costs, per month: above 0 a surplus, below 0 a deficit. */
    gap: Decimal;
    meanCommitted: Decimal;
    meanCosts: Decimal;
    status: Status;
    target?: Target;
  };
  coverage: {
    /** Undefined when there is no gap to cover. */
    ratio?: Decimal;
    covered: Decimal;
    gap: Decimal;
    status: Status;
    target?: Target;
  };
  scenarios: Scenarios;
  /** S9, per projection month. */
  expectedUsage: Decimal[];
  thresholds: Record<'runway' | 'surplus' | 'coverage', Thresholds>;
}

/** The thresholds of config's scorecard_thresholds, each figure falling back to its defaults. */
export function thresholdsOf(ctx: FigureContext): Record<'runway' | 'surplus' | 'coverage', Thresholds> {
  const own = ctx.repo.config.scorecard_thresholds;
  return {
    runway: own.runway ?? DEFAULT_THRESHOLDS.runway,
    surplus: own.surplus ?? DEFAULT_THRESHOLDS.surplus,
    coverage: own.coverage ?? DEFAULT_THRESHOLDS.coverage,
  };
}

/** The best status whose threshold the value reaches (a value exactly at a threshold reaches it). */
export function statusOf(value: Decimal, t: Thresholds): Status {
  if (value.greaterThanOrEqualTo(t.over)) return 'over';
  if (value.greaterThanOrEqualTo(t.green)) return 'green';
  if (value.greaterThanOrEqualTo(t.yellow)) return 'yellow';
  return 'red';
}

/** The status above `s` and its threshold. */
function nextStatus(s: Status, t: Thresholds): { status: Exclude<Status, 'red'>; at: number } | undefined {
  if (s === 'red') return { status: 'yellow', at: t.yellow };
  if (s === 'yellow') return { status: 'green', at: t.green };
  if (s === 'green') return { status: 'over', at: t.over };
  return undefined;
}

const STATUS_WORDS: Record<Exclude<Status, 'red'>, string> = { over: 'over target', green: 'green', yellow: 'yellow' };
const show = (d: Decimal) => {
  const [int, frac] = d.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

/** The first `n` months after M: committed (gross) and costs (S2). */
export function runwayMonths(ctx: FigureContext, n: number): RunwayMonth[] {
  const fee = dec(ctx.repo.config.fiscal_sponsor_fee_pct).dividedBy(100);
  const signed = ctx.contracts.filter((v) => v.contract.status !== 'draft');
  return projectionAt(ctx, n).map((p, i) =>
    memoized(ctx, `runway month ${ctx.asOf} ${i + 1}`, () => {
      const month = addMonths(ctx.month, i + 1);
      const committed = sum(signed.map((v) => feeRevenue(ctx, v, month)));
      return { month, committed, costs: p.costs.plus(fee.times(committed)) };
    }),
  );
}

/**
 * S9: per metered contract in force in m, the mean of its recorded usage fees over the 12 months ending M
 * (months whose usage is pending or not in force are not recorded and left out of the mean), converted at
 * each fee's own month's rate.
 */
export function expectedUsage(ctx: FigureContext, months: readonly string[]): Decimal[] {
  const window = Array.from({ length: 12 }, (_, i) => addMonths(ctx.month, i - 11));
  const metered = ctx.contracts
    .filter((v) => v.contract.status !== 'draft')
    .map((v) => {
      const recorded = window.flatMap((m) => {
        const fees = contractUsageFees(ctx, v, m);
        if (fees.length === 0 || fees.some((f) => f.pending)) return [];
        return [ctx.fx.convert(sum(fees.map((f) => f.amount)), v.contract.currency, m)];
      });
      return { v, mean: recorded.length ? sum(recorded).dividedBy(recorded.length) : undefined };
    })
    .filter((x): x is { v: ContractView; mean: Decimal } => x.mean !== undefined);
  return months.map((m) =>
    sum(metered.filter((x) => daysInside(monthPeriod(m), x.v.effective) > 0).map((x) => x.mean)),
  );
}

export function runway(ctx: FigureContext): Runway {
  const thresholds = thresholdsOf(ctx);
  const cash = cashAt(ctx);
  // The status looks as far as its highest threshold; the runway shown stops at the projection's 18 months.
  const horizon = Math.max(
    PROJECTION_MONTHS,
    thresholds.runway.over,
    thresholds.runway.green,
    thresholds.runway.yellow,
  );
  const walk = runwayMonths(ctx, horizon).map((m) => ({ ...m }));
  let firstBelow: number | undefined;
  if (cash) {
    let balance = cash.converted;
    walk.forEach((m, i) => {
      balance = balance.plus(m.committed).minus(m.costs);
      m.balance = balance;
      if (firstBelow === undefined && balance.isNegative()) firstBelow = i;
    });
  }
  const months = walk.slice(0, PROJECTION_MONTHS);
  const held = firstBelow ?? horizon;
  const scen = scenarios(ctx, months);
  const near = months.slice(0, NEAR_MONTHS);
  const meanCommitted = sum(near.map((m) => m.committed)).dividedBy(NEAR_MONTHS);
  const meanCosts = sum(near.map((m) => m.costs)).dividedBy(NEAR_MONTHS);
  const surplusRatio = meanCosts.isZero() ? undefined : meanCommitted.dividedBy(meanCosts);
  const surplusStatus = surplusRatio === undefined ? 'over' : statusOf(surplusRatio, thresholds.surplus);
  const covered = sum(near.map((m, i) => Decimal.max(ZERO, scen.months[i].mean.minus(m.committed))));
  const gap = sum(near.map((m) => Decimal.max(ZERO, m.costs.minus(m.committed))));
  const coverageRatio = gap.isZero() ? undefined : covered.dividedBy(gap);
  const coverageStatus = coverageRatio === undefined ? 'over' : statusOf(coverageRatio, thresholds.coverage);
  const runwayStatus = cash ? statusOf(new Decimal(held), thresholds.runway) : undefined;
  return {
    ...(cash && { cash }),
    months,
    ...(cash && { runwayMonths: Math.min(held, PROJECTION_MONTHS) }),
    ...(firstBelow !== undefined && firstBelow < PROJECTION_MONTHS && { runsOut: walk[firstBelow].month }),
    ...(runwayStatus && { status: runwayStatus }),
    ...(runwayStatus && { target: runwayTarget(walk, runwayStatus, thresholds.runway) }),
    surplus: {
      ...(surplusRatio && { ratio: surplusRatio }),
      gap: meanCommitted.minus(meanCosts),
      meanCommitted,
      meanCosts,
      status: surplusStatus,
      target: surplusTarget(ctx, meanCommitted, meanCosts, surplusStatus, thresholds.surplus),
    },
    coverage: {
      ...(coverageRatio && { ratio: coverageRatio }),
      covered,
      gap,
      status: coverageStatus,
      target: coverageTarget(covered, gap, coverageStatus, thresholds.coverage),
    },
    scenarios: scen,
    expectedUsage: expectedUsage(
      ctx,
      months.map((m) => m.month),
    ),
    thresholds,
  };
}

/**
 * The cash to add to reach the next status: a runway of T months needs every balance of the first T months at
 * 0 or above, so it takes the deepest of those balances below 0.
 */
function runwayTarget(walk: RunwayMonth[], s: Status, t: Thresholds): Target | undefined {
  const next = nextStatus(s, t);
  if (!next) return undefined;
  const lowest = walk.slice(0, next.at).reduce((low, m) => Decimal.min(low, m.balance!), ZERO);
  const needs = lowest.negated();
  return {
    status: next.status,
    needs,
    sentence: `needs ${show(needs)} more cash on hand to reach ${STATUS_WORDS[next.status]} (${next.at} months)`,
  };
}

/**
 * The committed revenue a month to add to reach the next ratio t: each added unit also adds the sponsor fee
 * to costs, so (C + x) ÷ (K + fee × x) = t gives x = (t × K − C) ÷ (1 − t × fee).
 */
function surplusTarget(ctx: FigureContext, c: Decimal, k: Decimal, s: Status, t: Thresholds): Target | undefined {
  const next = nextStatus(s, t);
  if (!next) return undefined;
  const fee = dec(ctx.repo.config.fiscal_sponsor_fee_pct).dividedBy(100);
  const at = dec(next.at);
  const lift = new Decimal(1).minus(at.times(fee));
  if (!lift.isPositive())
    return {
      status: next.status,
      sentence: `cannot reach ${STATUS_WORDS[next.status]} with more revenue: the sponsor fee takes too much of it`,
    };
  const needs = at.times(k).minus(c).dividedBy(lift);
  return {
    status: next.status,
    needs,
    sentence: `needs ${show(needs)} a month more committed revenue to reach ${STATUS_WORDS[next.status]}`,
  };
}

/** The probability-weighted pipeline revenue to add in the months with a gap: t × gap − covered. */
function coverageTarget(covered: Decimal, gap: Decimal, s: Status, t: Thresholds): Target | undefined {
  const next = nextStatus(s, t);
  if (!next) return undefined;
  const needs = dec(next.at).times(gap).minus(covered);
  return {
    status: next.status,
    needs,
    sentence:
      `needs ${show(needs)} more probability-weighted pipeline revenue in the months with a gap, over the next ` +
      `${NEAR_MONTHS} months, to reach ${STATUS_WORDS[next.status]}`,
  };
}

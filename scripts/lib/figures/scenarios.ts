/**
 * Revenue scenarios (SPEC-3 S6): a seeded Monte Carlo anyone can redo to the
 * cent. mulberry32 seeded with `scenario_seed` gives u = uint32 / 2³²; each of
 * `scenario_runs` runs draws one u per draft contract with a probability, in
 * contract-id order, and the draft closes when u < probability / 100. A run's
 * revenue in m is committed(m) (gross of the sponsor fee) plus the fixed fees
 * in m of the drafts that closed. Per month: P10 and P90 by linear
 * interpolation between order statistics at (runs − 1) × q, and the mean.
 */
import { Decimal, ZERO } from '../money/decimal.js';
import { addScaled, compareScaled, fromScaled, toScaled, type Scaled } from '../money/scaled.js';
import { memoized, type ContractView, type FigureContext } from './context.js';
import { feeRevenue } from './revenue.js';

/** mulberry32 (Tommy Ettinger's 32-bit generator): each call returns the next uint32. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** 2³²: a uint32 divided by it is a u in [0, 1). */
export const TWO_32 = 4294967296;

/**
 * The value at quantile q of ascending `sorted`: linear interpolation between the order statistics around
 * position (n − 1) × q (the spreadsheet's PERCENTILE.INC, numpy's default).
 */
export function quantile(sorted: readonly Decimal[], q: Decimal): Decimal {
  const h = new Decimal(sorted.length - 1).times(q);
  const lo = h.floor().toNumber();
  const below = sorted[lo];
  if (lo + 1 >= sorted.length) return below;
  return below.plus(h.minus(lo).times(sorted[lo + 1].minus(below)));
}

export interface ScenarioMonth {
  month: string;
  committed: Decimal;
  p10: Decimal;
  mean: Decimal;
  p90: Decimal;
}

export interface ScenarioBreach {
  month: string;
  /** Which link of committed ≤ P10 ≤ mean ≤ P90 does not hold. */
  breach: 'p10-below-committed' | 'mean-below-p10' | 'mean-above-p90';
}

export interface Scenarios {
  seed: number;
  runs: number;
  /** The drafts drawn, in draw order, with their probability. */
  drafts: { contract: string; probability: number }[];
  months: ScenarioMonth[];
  breaches: ScenarioBreach[];
}

/** The drafts each run draws for, in contract-id order (every draft with a probability, whatever the cut-off). */
export function scenarioDrafts(ctx: FigureContext): ContractView[] {
  return ctx.contracts
    .filter((v) => v.contract.status === 'draft' && v.contract.probability !== undefined)
    .sort((a, b) => (a.contract.id < b.contract.id ? -1 : a.contract.id > b.contract.id ? 1 : 0));
}

const P10 = new Decimal('0.1');
const P90 = new Decimal('0.9');

/** The scenarios over `committed`'s months (month and gross committed revenue). */
export function scenarios(
  ctx: FigureContext,
  committed: readonly { month: string; committed: Decimal }[],
  seed = ctx.repo.config.scenario_seed,
  runs = ctx.repo.config.scenario_runs,
): Scenarios {
  return memoized(ctx, `scenarios ${ctx.asOf} ${seed} ${runs} ${committed.length}`, () => {
    const drafts = scenarioDrafts(ctx);
    const fees = drafts.map((v) => committed.map((c) => feeRevenue(ctx, v, c.month)));
    // Compare integers, never floats: u < p / 100 ⇔ uint32 × 100 < p × 2³² (both exact in a double).
    const limits = drafts.map((v) => v.contract.probability! * TWO_32);
    // Each month adds, in draft order, the fees of the drafts that closed and bill in it: exactly as Decimal#plus
    // would, on integer coefficients (money/scaled.ts), the runs' million additions being most of the runway's time.
    const billing = committed.map((_, m) => drafts.flatMap((_, i) => (fees[i][m].isZero() ? [] : [i])));
    const scaledFees = fees.map((row) => row.map(toScaled));
    const start = committed.map((c) => toScaled(c.committed));
    const next = mulberry32(seed);
    const byMonth: Scaled[][] = committed.map(() => []);
    const closed: boolean[] = [];
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < drafts.length; i++) closed[i] = next() * 100 < limits[i];
      for (let m = 0; m < committed.length; m++) {
        let revenue = start[m];
        for (const i of billing[m]) if (closed[i]) revenue = addScaled(revenue, scaledFees[i][m]);
        byMonth[m].push(revenue);
      }
    }
    const months = committed.map((c, m): ScenarioMonth => {
      const values = byMonth[m];
      const sorted = [...values].sort(compareScaled).map(fromScaled);
      return {
        month: c.month,
        committed: c.committed,
        p10: quantile(sorted, P10),
        mean: fromScaled(values.reduce(addScaled, toScaled(ZERO))).dividedBy(runs),
        p90: quantile(sorted, P90),
      };
    });
    return {
      seed,
      runs,
      drafts: drafts.map((v) => ({ contract: v.contract.id, probability: v.contract.probability! })),
      months,
      breaches: months.flatMap(orderBreaches),
    };
  });
}

/** The links of committed ≤ P10 ≤ mean ≤ P90 that do not hold in one month. */
export function orderBreaches(m: ScenarioMonth): ScenarioBreach[] {
  const out: ScenarioBreach[] = [];
  if (m.p10.lessThan(m.committed)) out.push({ month: m.month, breach: 'p10-below-committed' });
  if (m.mean.lessThan(m.p10)) out.push({ month: m.month, breach: 'mean-below-p10' });
  if (m.mean.greaterThan(m.p90)) out.push({ month: m.month, breach: 'mean-above-p90' });
  return out;
}

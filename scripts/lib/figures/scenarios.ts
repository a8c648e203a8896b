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
  return quantileAt(sorted.length, (i) => sorted[i], q);
}

/** quantile() of n sorted values read by `at` (a run's revenue becomes a decimal only when it is read). */
function quantileAt(n: number, at: (i: number) => Decimal, q: Decimal): Decimal {
  const h = new Decimal(n - 1).times(q);
  const lo = h.floor().toNumber();
  const below = at(lo);
  if (lo + 1 >= n) return below;
  return below.plus(h.minus(lo).times(at(lo + 1).minus(below)));
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
    const small = committed.map((_, m) => asSmallIntegers([start[m], ...billing[m].map((i) => scaledFees[i][m])]));
    const next = mulberry32(seed);
    const byMonth: Scaled[][] = committed.map(() => []);
    // The runs' revenue of a month of small integers (see asSmallIntegers), in units of 10^e.
    const wholeByMonth: number[][] = committed.map(() => []);
    const closed: boolean[] = [];
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < drafts.length; i++) closed[i] = next() * 100 < limits[i];
      for (let m = 0; m < committed.length; m++) {
        const whole = small[m];
        if (whole) {
          let revenue = whole.c[0];
          for (let k = 0; k < billing[m].length; k++) if (closed[billing[m][k]]) revenue += whole.c[k + 1];
          wholeByMonth[m].push(revenue);
          continue;
        }
        let revenue = start[m];
        for (const i of billing[m]) if (closed[i]) revenue = addScaled(revenue, scaledFees[i][m]);
        byMonth[m].push(revenue);
      }
    }
    const months = committed.map((c, m): ScenarioMonth => {
      const whole = small[m];
      const { at, total } = whole ? smallOrder(wholeByMonth[m], whole.e) : scaledOrder(byMonth[m]);
      return {
        month: c.month,
        committed: c.committed,
        p10: quantileAt(runs, at, P10),
        mean: fromScaled(total).dividedBy(runs),
        p90: quantileAt(runs, at, P90),
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

/**
 * Amounts as integer multiples of one power of ten, when any sum of them is an exact integer in a double (the sum
 * of their sizes at most 2⁵³): then no addition of them rounds, in addScaled (its coefficients stay far below 40
 * digits) as in decimal.js, and a run's revenue added in plain numbers is the same value, without a bigint and an
 * object per step. undefined when they are too long for that (a prorated fee has 40 digits).
 */
export function asSmallIntegers(values: readonly Scaled[]): { e: number; c: number[] } | undefined {
  const e = Math.min(...values.map((v) => v.e));
  const coefficients: bigint[] = [];
  let size = 0n;
  for (const v of values) {
    const c = v.c * 10n ** BigInt(v.e - e);
    size += c < 0n ? -c : c;
    if (size > MAX_EXACT) return undefined;
    coefficients.push(c);
  }
  return { e, c: coefficients.map(Number) };
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** The runs' revenues of a month in ascending order (the i-th as a decimal) and their total. */
interface RunOrder {
  at: (i: number) => Decimal;
  total: Scaled;
}

function scaledOrder(revenues: readonly Scaled[]): RunOrder {
  const sorted = [...revenues].sort(compareScaled);
  return { at: (i) => fromScaled(sorted[i]), total: revenues.reduce(addScaled, toScaled(ZERO)) };
}

/**
 * The same of revenues in small integers of 10^e (see asSmallIntegers): sorted as numbers and added as one exact
 * bigint (no step of it could round: at most 19 digits), the same values as sorting and adding them as decimals.
 */
function smallOrder(revenues: readonly number[], e: number): RunOrder {
  const ascending = Float64Array.from(revenues).sort();
  let total = 0n;
  for (const r of revenues) total += BigInt(r);
  return { at: (i) => fromScaled({ c: BigInt(ascending[i]), e }), total: { c: total, e } };
}

/** The links of committed ≤ P10 ≤ mean ≤ P90 that do not hold in one month. */
export function orderBreaches(m: ScenarioMonth): ScenarioBreach[] {
  const out: ScenarioBreach[] = [];
  if (m.p10.lessThan(m.committed)) out.push({ month: m.month, breach: 'p10-below-committed' });
  if (m.mean.lessThan(m.p10)) out.push({ month: m.month, breach: 'mean-below-p10' });
  if (m.mean.greaterThan(m.p90)) out.push({ month: m.month, breach: 'mean-above-p90' });
  return out;
}

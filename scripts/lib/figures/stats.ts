/**
 * Order statistics, exact: percentiles interpolate linearly between closest ranks (NumPy's default,
 * PERCENTILE.INC).
 */
import { Decimal } from '../money/decimal.js';

/** The p-th percentile (0..100) of `values`, or undefined for none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = new Decimal(p).dividedBy(100).times(sorted.length - 1);
  const lo = rank.floor().toNumber();
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = rank.minus(lo);
  return frac
    .times(sorted[hi] - sorted[lo])
    .plus(sorted[lo])
    .toNumber();
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}

/** Rounds half away from zero (Math.round rounds -2.5 to -2). */
export function roundHalfAwayFromZero(x: Decimal): number {
  return x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

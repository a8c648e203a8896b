/**
 * Shown parts that add up to the shown total (SPEC-3 R7). Rounding each part
 * of a split total on its own can leave the column a cent or two off the
 * total printed under it (six FMRR months of 174,873.11 under a total of
 * 174,873.10); a reader then trusts neither. The largest-remainder method
 * rounds the total once and hands its minor units out to the parts.
 */
import { Decimal, sum } from './decimal.js';

/**
 * The parts rounded to `minorUnits` decimal places so that they add up
 * exactly to their sum rounded half away from zero (as `money()` shows it).
 * Each part is first floored (towards −∞, so negative parts work the same
 * way: −1.234 floors to −1.24 with a remainder of 0.006); the units left over
 * go one each to the parts with the largest remainders, ties to the earlier
 * part. Every shown part is within one unit of its exact value, and a part
 * that is already exact is never changed.
 *
 * `shownTotal`, when given, is the total the parts must add up to instead: a
 * total that is itself a shown part of a larger total (a month's committed
 * revenue, split by service, inside the 18 months' total). It must be within
 * one minor unit of the parts' exact sum, as every result of this function is.
 */
export function roundToTotal(parts: readonly Decimal[], minorUnits = 2, shownTotal?: Decimal): Decimal[] {
  // Parts already exact to the unit (999 of 1,000 partner pages' contracts and fee kinds) that add up to the total
  // are their own shown parts: each floor is its part and nothing is left over, so no decimal work is needed.
  if (parts.every((p) => p.decimalPlaces() <= minorUnits)) {
    const exact = sum(parts);
    if (shownTotal === undefined || shownTotal.equals(exact)) return [...parts];
  }
  return byLargestRemainder(parts, minorUnits, shownTotal);
}

/** roundToTotal's method, for any parts (exported for the test that holds the shortcut above to it). */
export function byLargestRemainder(parts: readonly Decimal[], minorUnits: number, shownTotal?: Decimal): Decimal[] {
  const unit = minorUnit(minorUnits);
  const floors = parts.map((p) => p.toDecimalPlaces(minorUnits, Decimal.ROUND_FLOOR));
  const total = shownTotal ?? sum(parts).toDecimalPlaces(minorUnits, Decimal.ROUND_HALF_UP);
  // 0 ≤ leftover ≤ the number of parts: the total lies between Σ floors and Σ ceilings.
  let leftover = total.minus(sum(floors)).dividedBy(unit).toNumber();
  if (!Number.isInteger(leftover) || leftover < 0 || leftover > parts.length)
    throw new Error(`roundToTotal: ${total.toString()} is not within a minor unit of the parts' sum`);
  const order = parts
    .map((p, i) => ({ i, remainder: p.minus(floors[i]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const shown = [...floors];
  for (const { i } of order) {
    if (leftover <= 0) break;
    shown[i] = shown[i].plus(unit);
    leftover -= 1;
  }
  return shown;
}

/** 10^−places, made once per number of places (a power of a Decimal is slow, and the partner pages ask often). */
function minorUnit(places: number): Decimal {
  let unit = UNITS.get(places);
  if (!unit) UNITS.set(places, (unit = new Decimal(10).pow(-places)));
  return unit;
}

const UNITS = new Map<number, Decimal>();

/** Each row beside its part rounded by roundToTotal over all the rows: `[row, shown part]`. */
export function withShownParts<T>(rows: readonly T[], part: (row: T) => Decimal, minorUnits = 2): [T, Decimal][] {
  const shown = roundToTotal(rows.map(part), minorUnits);
  return rows.map((row, i) => [row, shown[i]]);
}

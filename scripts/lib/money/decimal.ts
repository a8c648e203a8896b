/**
 * Exact decimal arithmetic for money. Amounts are read from their decimal
 * text, never computed in binary floating point; rounding to the minor unit
 * happens once, at presentation, half away from zero.
 */
import { Decimal as DecimalJs } from 'decimal.js';

// 40 significant digits: far beyond a cent on any sum of prorated amounts.
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
/** 1, as one shared decimal: times() knows it by identity. */
export const ONE = new Decimal(1);
const PRECISION = Decimal.precision;

/** A number read from YAML as the decimal it was written as (1234.5 → 1234.5, not 1234.4999…). */
export function dec(n: number | string): Decimal {
  if (typeof n !== 'number') return new Decimal(n);
  // Decimals are immutable: each number read from the data is parsed once and shared.
  let d = NUMBERS.get(n);
  if (!d) NUMBERS.set(n, (d = new Decimal(String(n))));
  return d;
}

const NUMBERS = new Map<number, Decimal>();

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/**
 * a + b, the decimal a.plus(b) gives, without the two new decimals plus makes when one side is 0 (a partner
 * without usage fees, the first term of every sum): plus then copies the other side and rounds it to the
 * precision, which leaves a decimal within the precision as it was — every result of arithmetic, every amount
 * read from the data. Two zeros of one sign add up to that zero (a lead's revenue and cloud costs, a third of
 * the partner-months at 1,000 partners); −0 + 0 and longer decimals go through plus.
 */
export function add(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) {
    if (a.isZero() ? a.isNegative() === b.isNegative() : a.sd() <= PRECISION) return a;
  } else if (a.isZero() && b.sd() <= PRECISION) return b;
  return a.plus(b);
}

/**
 * a × b, the decimal a.times(b) gives; b the shared ONE (revenue net of a sponsor fee of 0, every revenue of most
 * organisations) leaves a decimal within the precision as it was, without a multiplication.
 */
export function times(a: Decimal, b: Decimal): Decimal {
  return b === ONE && a.sd() <= PRECISION ? a : a.times(b);
}

/**
 * a − b, as a.minus(b) gives it (see add): a 0 taken off leaves a decimal within the precision as it was, and 0
 * less 0 is 0 (minus rounds a zero difference to +0, so only a +0 is kept as it is).
 */
export function subtract(a: Decimal, b: Decimal): Decimal {
  if (!b.isZero()) return a.minus(b);
  if (a.isZero()) return a.isNegative() ? a.minus(b) : a;
  return a.sd() <= PRECISION ? a : a.minus(b);
}

/**
 * Decimal places as written (1234.50 in YAML is the number 1234.5: 1 place).
 * Read off the number's shortest text, the same text dec() parses (it never
 * ends in a 0 after the point); exponent forms go through the decimal.
 */
export function decimalPlaces(n: number): number {
  const text = String(n);
  if (text.includes('e') || !Number.isFinite(n)) return dec(n).decimalPlaces();
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** Fixed decimals, half away from zero (decimal.js ROUND_HALF_UP rounds ties away from zero). */
export function toFixed(d: Decimal, places: number): string {
  const s = d.toFixed(places, Decimal.ROUND_HALF_UP);
  // -0.00 is 0.00 to a reader.
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

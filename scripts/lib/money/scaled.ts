/**
 * Decimal addition on exact integers, for the one loop that adds the same
 * few amounts a million times (the revenue scenarios' runs). A value is an
 * integer coefficient times a power of ten; a sum is worked out exactly,
 * then rounded to the money precision (40 significant digits, half away
 * from zero) — what decimal.js does for each `plus`, so the answers are the
 * same to the last digit (test/money-scaled.test.ts holds the two to it),
 * about twice as fast and without an object per step.
 */
import { Decimal } from './decimal.js';

export interface Scaled {
  /** The value is c × 10^e. */
  readonly c: bigint;
  readonly e: number;
}

const PRECISION = Decimal.precision;
const POWERS: bigint[] = [1n];
const pow10 = (n: number): bigint => {
  while (POWERS.length <= n) POWERS.push(POWERS[POWERS.length - 1] * 10n);
  return POWERS[n];
};
const LIMIT = pow10(PRECISION);

/** The decimal as an exact coefficient and exponent. */
export function toScaled(d: Decimal): Scaled {
  if (d.isZero()) return { c: 0n, e: 0 };
  // "-1.2345e+3": every significant digit, whatever the size.
  const [mantissa, exponent] = d.toExponential().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  return { c: BigInt(whole + fraction), e: Number(exponent) - fraction.length };
}

export function fromScaled(s: Scaled): Decimal {
  return new Decimal(`${s.c}e${s.e}`);
}

/** a + b rounded as Decimal#plus rounds it. */
export function addScaled(a: Scaled, b: Scaled): Scaled {
  let c: bigint;
  let e: number;
  if (a.e === b.e) [c, e] = [a.c + b.c, a.e];
  else if (a.e < b.e) [c, e] = [a.c + b.c * pow10(b.e - a.e), a.e];
  else [c, e] = [a.c * pow10(a.e - b.e) + b.c, b.e];
  const size = c < 0n ? -c : c;
  if (size < LIMIT) return { c, e };
  let drop = 1;
  while (size >= pow10(PRECISION + drop)) drop++;
  const unit = pow10(drop);
  const rest = c % unit;
  let kept = c / unit;
  // Half away from zero (decimal.js ROUND_HALF_UP).
  if ((rest < 0n ? -rest : rest) * 2n >= unit) kept += c < 0n ? -1n : 1n;
  return { c: kept, e: e + drop };
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function compareScaled(a: Scaled, b: Scaled): number {
  const [x, y] = a.e <= b.e ? [a.c, b.c * pow10(b.e - a.e)] : [a.c * pow10(a.e - b.e), b.c];
  return x < y ? -1 : x > y ? 1 : 0;
}

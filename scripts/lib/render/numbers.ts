/** Figures as people read them: grouped thousands, signed changes, rounding once, half away from zero. */
import { dec, toFixed, type Decimal } from '../money/decimal.js';
import { grouped as group } from '../text/grouped.js';

export function money(d: Decimal): string {
  return group(toFixed(d, 2));
}

/**
 * money(), remembering each Decimal it has shown: for one run's partner pages, whose figures share their
 * objects (a month's share of the recurring costs is one Decimal per hub count, the as-of month's revenue is the
 * MRR line's too), and a 40-digit Decimal takes ~1.6 µs to round to text. Decimals never change, so the object
 * is the key.
 */
export function rememberedMoney(): (d: Decimal) => string {
  const shown = new WeakMap<Decimal, string>();
  return (d) => {
    let s = shown.get(d);
    if (s === undefined) shown.set(d, (s = money(d)));
    return s;
  };
}

/** money() of amounts as records write them (numbers), remembering each: its text depends on the number alone. */
export function rememberedAmounts(): (n: number) => string {
  const shown = new Map<number, string>();
  return (n) => {
    let s = shown.get(n);
    if (s === undefined) shown.set(n, (s = money(dec(n))));
    return s;
  };
}

/** "+2,500.00" / "-1,200.00" / "±0.00". */
export function signedMoney(d: Decimal): string {
  const s = money(d);
  return s === '0.00' ? '±0.00' : s.startsWith('-') ? s : `+${s}`;
}

export function ratio(d: Decimal | undefined): string {
  return d === undefined ? 'n/a' : toFixed(d, 4);
}

export function signedRatio(d: Decimal | undefined): string {
  if (d === undefined) return 'n/a';
  const s = toFixed(d, 4);
  return /^-?0\.0000$/.test(s) ? '±0.0000' : s.startsWith('-') ? s : `+${s}`;
}

/**
 * A costs ÷ revenue ratio as every report shows it (SPEC-3 R5): two decimals and in words, "0.87 (costs are
 * 87 % of revenue)". The percent is the ratio rounded once to a whole percent, half up (0.875 → 88 %), so it
 * always has the same digits as the two decimals. Without revenue there is no ratio, and it says so.
 */
export function costRatio(d: Decimal | undefined): string {
  if (d === undefined) return NO_RATIO;
  const twoPlaces = toFixed(d, 2);
  return `${twoPlaces} (${percentWords(twoPlaces)})`;
}

/** "costs are 87 % of revenue". */
export function costRatioWords(d: Decimal): string {
  return percentWords(toFixed(d, 2));
}

/**
 * The words for a ratio shown to two places ("0.87", "-1.20"): its digits without the point are its whole percent
 * (rounding to two places is rounding the ratio × 100 to a whole, at the same digit), so no second rounding.
 */
function percentWords(twoPlaces: string): string {
  // "-0.05" → "-005" → "-5"; toFixed never gives "-0.00". By hand, not two replaces: every partner page has a
  // ratio a month.
  const sign = twoPlaces.startsWith('-') ? 1 : 0;
  const point = twoPlaces.indexOf('.');
  const digits = twoPlaces.slice(sign, point) + twoPlaces.slice(point + 1);
  let zeros = 0;
  while (zeros < digits.length - 1 && digits[zeros] === '0') zeros++;
  return `costs are ${group((sign ? '-' : '') + digits.slice(zeros))} % of revenue`;
}

/** What stands for a costs ÷ revenue ratio when there is no revenue to divide by. */
export const NO_RATIO = 'no ratio: no revenue';

/**
 * The change of a costs ÷ revenue ratio, to two decimals, with the word its direction earns: falling costs per
 * unit of revenue is an improvement. "-0.09, better" / "+0.22, worse" / "±0.00, unchanged".
 */
export function costRatioChange(from: Decimal | undefined, to: Decimal | undefined): string {
  if (from === undefined || to === undefined) return from === to ? '±0.00' : 'n/a';
  const s = toFixed(to.minus(from), 2);
  if (/^-?0\.00$/.test(s)) return '±0.00, unchanged';
  return s.startsWith('-') ? `${s}, better` : `+${s}, worse`;
}

export function percent(d: Decimal | undefined, places = 0): string {
  return d === undefined ? 'n/a' : `${toFixed(d.times(100), places)} %`;
}

/** A count of people, to the whole: "1,409". A mean rounds once, half away from zero. */
export function wholeCount(d: Decimal): string {
  return group(toFixed(d, 0));
}

export function signedInt(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '±0' : String(n);
}

type HeadlineKind = 'money' | 'cost-ratio' | 'ratio' | 'count' | 'score';

/** A headline figure's value and its change, formatted by kind. */
export function formatHeadline(kind: HeadlineKind, value: Decimal | undefined): string {
  if (kind === 'cost-ratio') return costRatio(value);
  if (value === undefined) return 'n/a';
  return kind === 'money' ? money(value) : kind === 'ratio' ? ratio(value) : value.toString();
}

export function formatHeadlineChange(kind: HeadlineKind, from: Decimal | undefined, to: Decimal | undefined): string {
  if (kind === 'cost-ratio') return costRatioChange(from, to);
  if (from === undefined || to === undefined) return from === to ? '±0' : 'n/a';
  const delta = to.minus(from);
  return kind === 'money' ? signedMoney(delta) : kind === 'ratio' ? signedRatio(delta) : signedInt(delta.toNumber());
}

/** Figures as people read them: grouped thousands, signed changes, rounding once, half away from zero. */
import { toFixed, type Decimal } from '../money/decimal.js';

export function money(d: Decimal): string {
  return group(toFixed(d, 2));
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

export function percent(d: Decimal | undefined, places = 0): string {
  return d === undefined ? 'n/a' : `${toFixed(d.times(100), places)} %`;
}

export function signedInt(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '±0' : String(n);
}

/** "-1234567.50" → "-1,234,567.50" (a loop, not a look-ahead regex: partner pages format figures by the thousand). */
function group(fixed: string): string {
  const point = fixed.indexOf('.');
  const end = point === -1 ? fixed.length : point;
  const start = fixed.startsWith('-') ? 1 : 0;
  if (end - start <= 3) return fixed;
  let out = fixed.slice(0, start + ((end - start) % 3 || 3));
  for (let i = out.length; i < end; i += 3) out += `,${fixed.slice(i, i + 3)}`;
  return out + fixed.slice(end);
}

/** A headline figure's value and its change, formatted by kind. */
export function formatHeadline(kind: 'money' | 'ratio' | 'count' | 'score', value: Decimal | undefined): string {
  if (value === undefined) return 'n/a';
  return kind === 'money' ? money(value) : kind === 'ratio' ? ratio(value) : value.toString();
}

export function formatHeadlineChange(
  kind: 'money' | 'ratio' | 'count' | 'score',
  from: Decimal | undefined,
  to: Decimal | undefined,
): string {
  if (from === undefined || to === undefined) return from === to ? '±0' : 'n/a';
  const delta = to.minus(from);
  return kind === 'money' ? signedMoney(delta) : kind === 'ratio' ? signedRatio(delta) : signedInt(delta.toNumber());
}

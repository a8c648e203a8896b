/**
 * Amounts where currencies mix (SPEC-3 U): each in its own currency, and one in another currency than the
 * reporting one with its equivalent beside it, "3,500.00 CAD (≈ 2,520.00 USD)", so a reader can weigh rows and
 * totals of different currencies. The equivalent is at the rate in force in the as-of month (ops.config.yaml
 * `fx`), the rate MRR of that month is converted at; it is for reading, never added into a total.
 */
import type { Figures } from '../../figures/index.js';
import type { Decimal } from '../../money/decimal.js';
import { money } from '../numbers.js';

export function withEquivalent(f: Figures, amount: Decimal, currency: string): string {
  const shown = `${money(amount)} ${currency}`;
  if (currency === f.currency) return shown;
  const rate = f.ctx.fx.rate(currency, f.ctx.month);
  return rate ? `${shown} (≈ ${money(amount.times(rate))} ${f.currency})` : shown;
}

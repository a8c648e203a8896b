/** What an invoice for one billing period of a contract comes to, from its fees. */
import { Decimal, dec, sum, toFixed } from '../money/decimal.js';
import { MINOR_UNITS } from '../money/currency.js';
import { monthlyFigure } from '../figures/recurring.js';
import { effectiveEnd, fixedFees } from '../model/contract-terms.js';
import type { Contract } from '../model/records.js';
import { addDays, addMonthsToDate, daysBetween, monthOf, monthsBetween } from '../time/calendar.js';
import type { Period } from '../time/periods.js';

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/**
 * A full billing period bills each fee for that many months (a monthly fee
 * billed quarterly: 3 × the fee); a shorter last period, by its share of
 * the full period's days; a per-term price, by the period's share of the
 * term's days; `once`, the fees over the whole term. Rounded to the
 * currency's minor unit, half away from zero: an invoice is a presented
 * amount.
 */
export function periodAmount(contract: Contract, period: Period): string {
  const { every } = contract.billing;
  const termDays = daysBetween(contract.start, contract.end) + 1;
  const days = daysBetween(period.from, period.to) + 1;
  const amounts = fixedFees(contract).map((fee): Decimal => {
    if (fee.per === 'term') return dec(fee.amount).times(days).dividedBy(termDays);
    if (every === 'once') {
      const effective = { from: contract.start, to: effectiveEnd(contract) };
      return sum(
        monthsBetween(monthOf(period.from), monthOf(period.to)).map((m) =>
          monthlyFigure({ amount: fee.amount, per: fee.per, effective, term: effective }, m),
        ),
      );
    }
    const full = dec(fee.amount).times(MONTHS[every]).dividedBy(MONTHS[fee.per]);
    const fullDays = daysBetween(period.from, addDays(addMonthsToDate(period.from, MONTHS[every]), -1)) + 1;
    return days >= fullDays ? full : full.times(days).dividedBy(fullDays);
  });
  return toFixed(sum(amounts), MINOR_UNITS[contract.currency]);
}

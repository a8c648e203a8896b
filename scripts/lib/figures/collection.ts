/**
 * Contracts whose money is not coming in (SPEC-3 S8), in the contract's own
 * currency (its invoices are in it too):
 *
 * - `no-invoice`: active, in force at D, started 6 or more months before D, and no invoice sent;
 * - `over-collected`: payments received above the contract's total fees;
 * - `ended-under-invoiced` / `ended-under-paid`: ended before D with less invoiced than its total fees, or
 *   less paid than invoiced;
 * - `ending-not-invoiced`: ending within 3 months of D with more than half of its total fees not yet invoiced.
 *
 * Total fees: the fixed fees over the whole term (to its effective end), every one-time fee, and the usage fees
 * recorded so far, rounded to the currency's minor unit. "Invoiced" counts sent and paid invoices issued by D
 * (not drafts, not void).
 */
import { fixedFees, inForceOn, meteredFees } from '../model/contract-terms.js';
import { MINOR_UNITS } from '../money/currency.js';
import { dec, sum, ZERO, type Decimal } from '../money/decimal.js';
import { addMonthsToDate, minDate, monthOf, monthsBetween } from '../time/calendar.js';
import type { ContractView, FigureContext } from './context.js';
import { paidBy } from './receivables.js';
import { monthlyFigure } from './recurring.js';
import { contractUsageFees } from './usage-fees.js';

export const COLLECTION_FLAGS = [
  'no-invoice',
  'over-collected',
  'ended-under-invoiced',
  'ended-under-paid',
  'ending-not-invoiced',
] as const;
export type CollectionFlag = (typeof COLLECTION_FLAGS)[number];

export interface CollectionFlagRow {
  contract: string;
  partner: string;
  flag: CollectionFlag;
  currency: string;
  totalFees: Decimal;
  invoiced: Decimal;
  paid: Decimal;
}

/** The contract's total fees: fixed fees over the term, one-time fees, usage fees recorded up to M. */
export function totalFees(ctx: FigureContext, v: ContractView): Decimal {
  const months = monthsBetween(monthOf(v.contract.start), monthOf(v.effective.to));
  const fixed = sum(
    fixedFees(v.contract).flatMap((f) =>
      months.map((m) => monthlyFigure({ amount: f.amount, per: f.per, effective: v.effective, term: v.term }, m)),
    ),
  );
  const oneTime = sum((v.contract.one_time ?? []).map((o) => dec(o.amount)));
  // Without a metered fee there are no usage fees to add (sum of none): most contracts, each of some 40 months.
  const usage = meteredFees(v.contract).length
    ? sum(
        months
          .filter((m) => m <= ctx.month)
          .flatMap((m) => contractUsageFees(ctx, v, m))
          .map((u) => u.amount),
      )
    : ZERO;
  // Compared with invoices at the cent (the currency's minor unit): a prorated stub is never a missing cent.
  return fixed.plus(oneTime).plus(usage).toDecimalPlaces(MINOR_UNITS[v.contract.currency]);
}

export function collectionFlags(ctx: FigureContext): CollectionFlagRow[] {
  const sixMonthsAgo = addMonthsToDate(ctx.asOf, -6);
  const inThreeMonths = addMonthsToDate(ctx.asOf, 3);
  const rows: CollectionFlagRow[] = [];
  const signed = ctx.contracts
    .filter((v) => v.contract.status !== 'draft' && v.contract.start <= ctx.asOf)
    .sort((a, b) => (a.contract.id < b.contract.id ? -1 : a.contract.id > b.contract.id ? 1 : 0));
  for (const v of signed) {
    const c = v.contract;
    const invoices = v.partner.invoices
      .map((i) => i.value)
      .filter((i) => i.contract === c.id && (i.status === 'sent' || i.status === 'paid') && i.issued <= ctx.asOf);
    const total = totalFees(ctx, v);
    const invoiced = sum(invoices.map((i) => dec(i.amount)));
    const paid = sum(invoices.map((i) => paidBy(i, ctx.asOf)));
    const flag = (f: CollectionFlag) =>
      rows.push({
        contract: c.id,
        partner: v.partner.id,
        flag: f,
        currency: c.currency,
        totalFees: total,
        invoiced,
        paid,
      });
    const ended = v.effective.to < ctx.asOf;
    if (c.status === 'active' && inForceOn(c, ctx.asOf) && c.start <= sixMonthsAgo && invoices.length === 0)
      flag('no-invoice');
    if (paid.greaterThan(total)) flag('over-collected');
    if (ended && invoiced.lessThan(total)) flag('ended-under-invoiced');
    if (ended && paid.lessThan(invoiced)) flag('ended-under-paid');
    if (!ended && minDate(v.effective.to, inThreeMonths) === v.effective.to && invoiced.times(2).lessThan(total))
      flag('ending-not-invoiced');
  }
  return rows;
}

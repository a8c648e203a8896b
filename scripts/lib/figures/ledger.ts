/** Per contract: what it is worth to date, what was invoiced, what was collected (contract currency). */
import { fixedFees } from '../model/contract-terms.js';
import { Decimal, dec, sum } from '../money/decimal.js';
import { minDate, monthOf, monthsBetween } from '../time/calendar.js';
import type { FigureContext } from './context.js';
import { monthlyFigure } from './recurring.js';
import { paidBy } from './receivables.js';

export interface ContractLedger {
  contract: string;
  partner: string;
  currency: string;
  status: string;
  /** Fees for the days of the term up to the as-of date, plus one-time fees dated by then. */
  contracted: Decimal;
  /** Sent and paid invoices issued by the as-of date. */
  invoiced: Decimal;
  /** Payments received by the as-of date. */
  collected: Decimal;
}

export function ledgers(ctx: FigureContext): ContractLedger[] {
  return ctx.contracts
    .filter((v) => v.contract.status !== 'draft' && v.contract.start <= ctx.asOf)
    .map((view) => {
      const { contract: c, partner } = view;
      const upTo = minDate(view.effective.to, ctx.asOf);
      const effective = { from: view.effective.from, to: upTo };
      const months = monthsBetween(monthOf(c.start), monthOf(upTo));
      const fees = sum(
        fixedFees(c).flatMap((f) =>
          months.map((m) => monthlyFigure({ amount: f.amount, per: f.per, effective, term: view.term }, m)),
        ),
      );
      const oneTime = sum((c.one_time ?? []).filter((o) => o.date <= ctx.asOf).map((o) => dec(o.amount)));
      const invoices = partner.invoices
        .map((i) => i.value)
        .filter((i) => i.contract === c.id && (i.status === 'sent' || i.status === 'paid') && i.issued <= ctx.asOf);
      return {
        contract: c.id,
        partner: partner.id,
        currency: c.currency,
        status: c.status,
        contracted: fees.plus(oneTime),
        invoiced: sum(invoices.map((i) => dec(i.amount))),
        collected: sum(invoices.map((i) => paidBy(i, ctx.asOf))),
      };
    });
}

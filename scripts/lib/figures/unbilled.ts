/**
 * Contracted, not invoiced (SPEC-3 R11): the fixed-fee billing periods due
 * by D (started, when billed in advance; ended, in arrears) and the one-time
 * fees dated on or before D that no invoice bills, with their amounts in the
 * contract's currency. What an invoice bills is the billing statement's
 * answer (model/invoice-bills.ts), so the two never disagree.
 */
import type { Decimal } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import { invoicesOf, notInvoicedBy } from '../model/invoice-bills.js';
import type { Period } from '../time/periods.js';
import type { FigureContext } from './context.js';

export interface UnbilledPeriod extends Period {
  contract: string;
  partner: string;
  kind: 'fee' | 'one-time';
  /** The fees (or one-time fee) not invoiced, by description. */
  description: string;
  amount: Decimal;
  currency: Currency;
}

export function unbilled(ctx: FigureContext): UnbilledPeriod[] {
  const out: UnbilledPeriod[] = [];
  for (const { contract, partner } of ctx.contracts) {
    if (contract.status === 'draft') continue;
    const invoices = invoicesOf(partner);
    for (const n of notInvoicedBy(contract, invoices, ctx.asOf)) {
      out.push({
        contract: contract.id,
        partner: partner.id,
        kind: n.kind,
        from: n.from,
        to: n.to,
        description: n.items.map((i) => i.description).join(', '),
        amount: n.amount,
        currency: contract.currency,
      });
    }
  }
  const key = (u: UnbilledPeriod) => `${u.from} ${u.contract} ${u.kind}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Money owed at the as-of date: outstanding invoices, aging buckets, overdue invoices. */
import { Decimal, dec, sum, ZERO } from '../money/decimal.js';
import type { Contract, Invoice } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { memoized, type FigureContext } from './context.js';

export const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface OpenInvoice {
  partner: PartnerFolder;
  invoice: Invoice;
  due: string;
  /** In the invoice currency. */
  outstanding: Decimal;
  /** In the reporting currency, at the as-of month's rate. */
  outstandingReporting: Decimal;
  daysPastDue: number;
  bucket: Bucket;
}

export interface Receivables {
  outstanding: Decimal;
  buckets: Record<Bucket, Decimal>;
  /** Invoices with money outstanding, most overdue first. */
  open: OpenInvoice[];
}

export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

/** The due date: as written, or issued + the contract's (or the default) payment terms. */
export function dueDate(invoice: Invoice, contract: Contract | undefined, defaultTerms: number): string {
  return invoice.due ?? addDays(invoice.issued, contract?.billing.payment_terms_days ?? defaultTerms);
}

/** Payments received on or before `date`. */
export function paidBy(invoice: Invoice, date: string): Decimal {
  return sum((invoice.payments ?? []).filter((p) => p.date <= date).map((p) => dec(p.amount)));
}

/**
 * Paid in full by one payment on or before `date` (most invoices): nothing is outstanding, as paidBy would say
 * with three decimal operations — the same number read from the file is the same amount.
 */
function paidInOne(invoice: Invoice, date: string): boolean {
  const payments = invoice.payments;
  return payments?.length === 1 && payments[0].date <= date && payments[0].amount === invoice.amount;
}

/** Worked out once per as-of date: the figure itself and each partner's health (overdue invoices) read it. */
export function receivables(ctx: FigureContext): Receivables {
  return memoized(ctx, `receivables ${ctx.asOf}`, () => openReceivables(ctx));
}

function openReceivables(ctx: FigureContext): Receivables {
  const { asOf, month } = ctx;
  const open: OpenInvoice[] = [];
  for (const partner of ctx.repo.partners) {
    for (const { value: invoice } of partner.invoices) {
      if ((invoice.status !== 'sent' && invoice.status !== 'paid') || invoice.issued > asOf) continue;
      if (paidInOne(invoice, asOf)) continue;
      const outstanding = dec(invoice.amount).minus(paidBy(invoice, asOf));
      if (outstanding.lessThanOrEqualTo(0)) continue;
      const contract = partner.contracts.find((c) => c.value.id === invoice.contract)?.value;
      const due = dueDate(invoice, contract, ctx.repo.config.payment_terms_days);
      const daysPastDue = daysBetween(due, asOf);
      open.push({
        partner,
        invoice,
        due,
        outstanding,
        outstandingReporting: ctx.fx.convert(outstanding, invoice.currency, month),
        daysPastDue,
        bucket: bucketOf(daysPastDue),
      });
    }
  }
  open.sort((a, b) => b.daysPastDue - a.daysPastDue || (a.invoice.number < b.invoice.number ? -1 : 1));
  const buckets = Object.fromEntries(
    BUCKETS.map((b) => [b, sum(open.filter((o) => o.bucket === b).map((o) => o.outstandingReporting))]),
  ) as Record<Bucket, Decimal>;
  return { outstanding: open.reduce((t, o) => t.plus(o.outstandingReporting), ZERO), buckets, open };
}

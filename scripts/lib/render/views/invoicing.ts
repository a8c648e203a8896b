/** invoicing.md: receivables and aging, overdue invoices, unbilled periods, contracted vs invoiced vs collected. */
import type { Figures } from '../../figures/index.js';
import { BUCKETS } from '../../figures/receivables.js';
import { addMonths } from '../../time/calendar.js';
import { money } from '../numbers.js';
import { md } from '../markdown.js';
import { xyChart } from '../charts.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { withEquivalent } from './currency.js';

export function invoicingView(f: Figures, meta: ReportMeta) {
  return {
    header: header(meta, 'Invoicing'),
    // The statement the report writes beside this page: that of the month before D, invoiced in D's month.
    statement: addMonths(f.ctx.month, -1),
    outstanding: money(f.receivables.outstanding),
    buckets: BUCKETS.map((b) => ({
      bucket: b === 'current' ? 'not yet due' : `${b} days overdue`,
      amount: money(f.receivables.buckets[b]),
    })),
    agingChart: xyChart({
      title: 'Receivables by days past due',
      x: BUCKETS.map((b) => (b === 'current' ? 'not due' : b)),
      yLabel: meta.currency,
      series: [{ name: 'outstanding', kind: 'bar', values: BUCKETS.map((b) => f.receivables.buckets[b].toNumber()) }],
    }),
    open: f.receivables.open.map((o) => ({
      partner: partnerLink(o.partner),
      number: md(o.invoice.number),
      contract: code(o.invoice.contract),
      issued: o.invoice.issued,
      due: o.due,
      amount: withEquivalent(f, o.outstanding, o.invoice.currency),
      days: o.daysPastDue > 0 ? String(o.daysPastDue) : '—',
    })),
    unbilled: unbilledRows(f),
    ledgers: f.ledgers.map((l) => ({
      contract: code(l.contract),
      partner: partnerLink(f.ctx.partnerById.get(l.partner)!),
      status: l.status,
      currency: l.currency,
      contracted: money(l.contracted),
      invoiced: money(l.invoiced),
      collected: money(l.collected),
      open: money(l.invoiced.minus(l.collected)),
    })),
  };
}

/** Contracted, not invoiced: one row per billing period's fees or one-time fee, with its amount (dashboard too). */
export function unbilledRows(f: Figures) {
  return f.unbilled.map((u) => ({
    contract: code(u.contract),
    partner: partnerLink(f.ctx.partnerById.get(u.partner)!),
    what: md(u.description),
    when: u.kind === 'one-time' ? `one-time fee dated ${u.from}` : `${u.from} to ${u.to}`,
    amount: withEquivalent(f, u.amount, u.currency),
  }));
}

/** invoicing.md: receivables and aging, overdue invoices, unbilled periods, contracted vs invoiced vs collected. */
import type { Figures } from '../../figures/index.js';
import { BUCKETS } from '../../figures/receivables.js';
import { addMonths } from '../../time/calendar.js';
import { money } from '../numbers.js';
import { md, tableRows } from '../markdown.js';
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
    // The long tables' rows as one text each (tableRows): hundreds of invoices and contracts.
    open: tableRows(
      f.receivables.open.map((o) => [
        partnerLink(o.partner),
        md(o.invoice.number),
        code(o.invoice.contract),
        o.invoice.issued,
        o.due,
        withEquivalent(f, o.outstanding, o.invoice.currency),
        o.daysPastDue > 0 ? String(o.daysPastDue) : '—',
      ]),
    ),
    unbilled: unbilledRows(f),
    ledgers: tableRows(
      f.ledgers.map((l) => [
        code(l.contract),
        partnerLink(f.ctx.partnerById.get(l.partner)!),
        l.status,
        l.currency,
        money(l.contracted),
        money(l.invoiced),
        money(l.collected),
        money(l.invoiced.minus(l.collected)),
      ]),
    ),
  };
}

/**
 * Contracted, not invoiced: one row per billing period's fees or one-time fee, with its amount (dashboard too), as
 * the table's rows in one text (tableRows).
 */
export function unbilledRows(f: Figures): string {
  return tableRows(
    f.unbilled.map((u) => [
      code(u.contract),
      partnerLink(f.ctx.partnerById.get(u.partner)!),
      md(u.description),
      u.kind === 'one-time' ? `one-time fee dated ${u.from}` : `${u.from} to ${u.to}`,
      withEquivalent(f, u.amount, u.currency),
    ]),
  );
}

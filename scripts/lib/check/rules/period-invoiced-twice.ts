import type { Invoice } from '../../model/records.js';
import { overlapDays } from '../../time/calendar.js';
import { defineRule } from '../rule.js';

const bills = (i: Invoice) => i.status !== 'void' && i.period !== undefined;

/** Two invoices with lines bill different things when no line of one has the kind and ref of a line of the other. */
const disjointLines = (a: Invoice, b: Invoice) =>
  a.lines !== undefined &&
  b.lines !== undefined &&
  !a.lines.some((x) => b.lines!.some((y) => x.kind === y.kind && (x.ref ?? '') === (y.ref ?? '')));

export const rule = defineRule({
  meta: {
    id: 'period-invoiced-twice',
    severity: 'warning',
    description:
      'Two invoices that are not void bill overlapping service periods of the same contract (the partner ' +
      'would be charged twice for those days); invoices whose lines bill different things (kind and ref) may overlap.',
    messages: {
      overlap: {
        text:
          '{{number}} bills {{from}} to {{to}}, but {{other}} already bills {{otherFrom}} to {{otherTo}} ' +
          'of {{contract}} ({{days}} twice)',
        hint: 'correct the period, or set status: void on the invoice that replaces nothing',
      },
    },
  },
  create({ report }) {
    return {
      partnerFolder(p) {
        p.invoices.forEach((inv, n) => {
          if (!bills(inv.value)) return;
          const { from, to } = inv.value.period!;
          // Each overlap is reported once, on the later entry of the file (usually the one just added).
          for (const { value: e } of p.invoices.slice(0, n)) {
            if (!bills(e) || e.contract !== inv.value.contract || disjointLines(e, inv.value)) continue;
            const days = overlapDays(from, to, e.period!.from, e.period!.to);
            if (days === 0) continue;
            const data = {
              number: inv.value.number,
              from,
              to,
              other: e.number,
              otherFrom: e.period!.from,
              otherTo: e.period!.to,
              contract: e.contract,
              days: `${days} day${days === 1 ? '' : 's'}`,
            };
            report({ at: inv, path: ['period'], messageId: 'overlap', data });
          }
        });
      },
    };
  },
});

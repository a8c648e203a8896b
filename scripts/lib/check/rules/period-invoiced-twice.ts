import { fixedFees } from '../../model/contract-terms.js';
import type { Contract, Invoice } from '../../model/records.js';
import { invoicedContract } from '../../model/repository.js';
import { overlapDays } from '../../time/calendar.js';
import { defineRule } from '../rule.js';

const bills = (i: Invoice) => i.status !== 'void' && i.period !== undefined;

/**
 * The kinds and refs an invoice bills over its period (SPEC-3 R1): its
 * lines', or without lines its contract's fixed fees (a lineless invoice
 * bills no usage, cloud or one-time fee), or undefined when unknown.
 */
function billed(i: Invoice, contract: Contract | undefined): string[] | undefined {
  if (i.lines?.length) return i.lines.map((l) => `${l.kind}:${l.ref ?? ''}`);
  return contract ? fixedFees(contract).map((f) => `fee:${f.id}`) : undefined;
}

/** Two invoices bill different things when neither bills a kind and ref the other bills. */
const disjoint = (a: string[] | undefined, b: string[] | undefined) =>
  a !== undefined && b !== undefined && !a.some((x) => b.includes(x));

export const rule = defineRule({
  meta: {
    id: 'period-invoiced-twice',
    severity: 'warning',
    description:
      'Two invoices that are not void bill overlapping service periods of the same contract (the partner ' +
      'would be charged twice for those days); invoices that bill different things may overlap (kind and ref ' +
      "of their lines; an invoice without lines bills its contract's fixed fees).",
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
        // What each invoice bills, worked out once: the pairs below are quadratic in a partner's invoices.
        const what = p.invoices.map(({ value: i }) => (bills(i) ? billed(i, invoicedContract(p, i)) : undefined));
        p.invoices.forEach((inv, n) => {
          if (!bills(inv.value)) return;
          const own = what[n];
          const { from, to } = inv.value.period!;
          // Each overlap is reported once, on the later entry of the file (usually the one just added).
          for (let m = 0; m < n; m++) {
            const e = p.invoices[m].value;
            if (!bills(e) || e.contract !== inv.value.contract) continue;
            // Periods that do not meet (the common case) need no comparison of what they bill.
            if (e.period!.from > to || e.period!.to < from || disjoint(what[m], own)) continue;
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

import type { Segment } from '../../load/pointer.js';
import type { Place, Report, Rule } from '../rule.js';

function checkOrder(at: Place, earlier: string | undefined, later: string | undefined, path: Segment[], message: string, report: Report): void {
  if (earlier !== undefined && later !== undefined && later < earlier) report(at, path, message);
}

export const rule: Rule = {
  meta: { id: 'date-order', severity: 'error', description: 'Ranges do not end before they start: contract and cost terms, grant periods, invoice periods and due dates, hub lifetimes.' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        checkOrder(c, c.value.start, c.value.end, ['end'], `the end ${c.value.end} is before the start ${c.value.start}; the term runs from start to end (inclusive)`, report);
      }
      (p.profile?.value.hubs ?? []).forEach((h, i) => {
        checkOrder(p.profile!, h.launched, h.decommissioned, ['hubs', i, 'decommissioned'], `hub '${h.id}' is decommissioned (${h.decommissioned}) before it was launched (${h.launched})`, report);
      });
      for (const inv of p.invoices) {
        const { period, issued, due } = inv.value;
        checkOrder(inv, period?.from, period?.to, ['period', 'to'], `the period ends (${period?.to}) before it starts (${period?.from}); write from: first day, to: last day`, report);
        checkOrder(inv, issued, due, ['due'], `the due date ${due} is before the issue date ${issued}; it should be on or after it`, report);
      }
    }
    for (const c of repo.recurringCosts) {
      checkOrder(c, c.value.start, c.value.end, ['end'], `the end ${c.value.end} is before the start ${c.value.start}`, report);
    }
    for (const g of repo.grants) {
      if (g.grant) checkOrder(g.grant, g.grant.value.start, g.grant.value.end, ['end'], `the end ${g.grant.value.end} is before the start ${g.grant.value.start}`, report);
    }
  },
};

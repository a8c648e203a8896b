import type { Invoice } from '../../model/records.js';
import { overlapDays } from '../../time/calendar.js';
import type { Rule } from '../rule.js';

const bills = (i: Invoice) => i.status !== 'void' && i.period !== undefined;

export const rule: Rule = {
  meta: {
    id: 'period-invoiced-twice',
    severity: 'warning',
    description: "Two invoices that are not void bill overlapping service periods of the same contract (the partner would be charged twice for those days).",
  },
  check({ repo }, report) {
    for (const p of repo.partners) {
      p.invoices.forEach((inv, n) => {
        if (!bills(inv.value)) return;
        const { from, to } = inv.value.period!;
        // Each overlap is reported once, on the later entry of the file (usually the one just added).
        for (const earlier of p.invoices.slice(0, n)) {
          const e = earlier.value;
          if (!bills(e) || e.contract !== inv.value.contract) continue;
          const days = overlapDays(from, to, e.period!.from, e.period!.to);
          if (days === 0) continue;
          report(inv, ['period'], `${inv.value.number} bills ${from} to ${to}, but ${e.number} already bills ${e.period!.from} to ${e.period!.to} of ${e.contract} (${days} day${days === 1 ? '' : 's'} twice); correct the period, or set status: void on the invoice that replaces nothing`);
        }
      });
    }
  },
};

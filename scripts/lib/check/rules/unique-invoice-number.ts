import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-invoice-number', severity: 'error', description: 'Invoice numbers are unique across all partners.' },
  check({ repo }, report) {
    const first = new Map<string, string>();
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const seen = first.get(inv.value.number);
        if (seen) report(inv, ['number'], `invoice number '${inv.value.number}' is already used in ${seen}; every invoice needs its own number`);
        else first.set(inv.value.number, inv.file);
      }
    }
  },
};

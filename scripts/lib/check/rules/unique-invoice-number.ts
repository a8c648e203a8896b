import { reportDuplicates } from '../duplicates.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-invoice-number', severity: 'error', description: 'Invoice numbers are unique across all partners (every copy is reported).' },
  check({ repo }, report) {
    const occurrences = repo.partners.flatMap((p) => p.invoices.map((inv) => ({ key: inv.value.number, at: inv, path: ['number'], where: inv.file })));
    reportDuplicates(occurrences, (number, others) => `invoice number '${number}' is also used in ${others}; every invoice needs its own number`, report);
  },
};

import type { Repository } from '../../model/repository.js';
import { uniqueKeys, type Occurrence } from '../duplicates.js';
import { defineRule } from '../rule.js';

/** Every invoice number, where its invoice file gives it. */
function invoiceNumbers(repo: Repository): Occurrence[] {
  return repo.partners.flatMap((p) =>
    p.invoices.map((inv) => ({ key: inv.value.number, at: inv, path: ['number'], where: inv.file })),
  );
}

/** The invoice numbers alone. */
function numbers(repo: Repository): string[] {
  const out: string[] = [];
  for (const p of repo.partners) for (const inv of p.invoices) out.push(inv.value.number);
  return out;
}

export const rule = defineRule({
  meta: {
    id: 'unique-invoice-number',
    severity: 'error',
    description: 'Invoice numbers are unique across all partners (every copy is reported).',
    messages: {
      duplicate: {
        text: "invoice number '{{key}}' is also used in {{others}}",
        hint: 'every invoice needs its own number',
      },
    },
  },
  create: uniqueKeys(invoiceNumbers, numbers),
});

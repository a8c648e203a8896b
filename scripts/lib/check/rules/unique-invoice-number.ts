import { reportDuplicates } from '../duplicates.js';
import { defineRule } from '../rule.js';

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
  create({ report }) {
    return {
      repository(repo) {
        const occurrences = repo.partners.flatMap((p) =>
          p.invoices.map((inv) => ({ key: inv.value.number, at: inv, path: ['number'], where: inv.file })),
        );
        reportDuplicates(occurrences, (o, data) => report({ at: o.at, path: o.path, messageId: 'duplicate', data }));
      },
    };
  },
});

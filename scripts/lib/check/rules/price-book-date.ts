import { reportDuplicates } from '../duplicates.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'price-book-date',
    severity: 'error',
    description: 'No two price books share an effective_from: at any date exactly one book is in force.',
    messages: {
      duplicate: {
        text: 'another price book is also in force from {{key}}: {{others}}',
        hint: 'give each book its own effective_from (the day its prices start)',
      },
    },
  },
  create({ report }) {
    return {
      repository(repo) {
        const occurrences = repo.priceBooks.map((b) => ({
          key: b.value.effective_from,
          at: b,
          path: ['effective_from'],
          where: b.file,
        }));
        reportDuplicates(occurrences, (o, data) => report({ at: o.at, path: o.path, messageId: 'duplicate', data }));
      },
    };
  },
});

import type { Repository } from '../../model/repository.js';
import { uniqueKeys, type Occurrence } from '../duplicates.js';
import { defineRule } from '../rule.js';

/** Every price book's effective_from, where its file gives it. */
function bookDates(repo: Repository): Occurrence[] {
  return repo.priceBooks.map((b) => ({ key: b.value.effective_from, at: b, path: ['effective_from'], where: b.file }));
}

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
  create: uniqueKeys(bookDates),
});

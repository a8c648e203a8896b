import { bookInForce, pricingDate } from '../../figures/price-book.js';
import { hasBrokenFiles } from '../../model/repository.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-tier',
    severity: 'error',
    description:
      "A contract's tier exists in the price book in force at its signed date (start for drafts), and a metered " +
      'fee without its own bands has a book to take them from.',
    messages: {
      unknownTier: {
        text: "the tier '{{tier}}' is not in the price book {{book}} (in force on {{date}}); its tiers are: {{tiers}}",
        hint: 'use one of those tiers, or add the tier to pricing/{{book}}.yaml',
      },
      noBook: {
        text: 'no price book is in force on {{date}} (the {{what}} needs one); the first starts {{first}}',
        hint: 'add a price book to pricing/ with an effective_from on or before {{date}}',
      },
    },
  },
  create({ repo, report }) {
    const books = repo.priceBooks.map((b) => b.value);
    // A book that failed its schema could be the one in force: say nothing rather than something wrong.
    const unsure = hasBrokenFiles(repo, 'pricing/');
    const first = books.map((b) => b.effective_from).sort()[0] ?? 'nowhere: pricing/ has no book';
    return {
      contract(c) {
        if (unsure) return;
        const date = pricingDate(c.value);
        const book = bookInForce(books, date);
        const { tier } = c.value;
        if (tier !== undefined) {
          if (!book) report({ at: c, path: ['tier'], messageId: 'noBook', data: { date, what: 'tier', first } });
          else if (!book.tiers.some((t) => t.id === tier))
            report({
              at: c,
              path: ['tier'],
              messageId: 'unknownTier',
              data: { tier, book: book.id, date, tiers: book.tiers.map((t) => t.id).join(', ') },
            });
        }
        if (!book)
          c.value.fees.forEach((f, i) => {
            if (f.metered !== undefined && f.bands === undefined)
              report({
                at: c,
                path: ['fees', i, 'metered'],
                messageId: 'noBook',
                data: { date, what: 'metered fee', first },
              });
          });
      },
    };
  },
});

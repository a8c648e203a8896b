/** price-book-date: two books in force from the same day are both reported, each naming the other. */
import { rule } from '../../scripts/lib/check/rules/price-book-date.js';
import { bookFile } from '../helpers/pricing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'no price book at all' },
    {
      name: 'two books a day apart',
      files: { ...bookFile('2025-01', '2025-01-01'), ...bookFile('2025-01b', '2025-01-02') },
    },
  ],
  invalid: [
    {
      // Line 2 'effective_from: 2025-01-01': the value at column 17, in both files.
      name: 'two books from the same day',
      files: { ...bookFile('2025-01', '2025-01-01'), ...bookFile('2025-01b', '2025-01-01') },
      errors: [
        { messageId: 'duplicate', at: 'pricing/2025-01.yaml:2:17' },
        { messageId: 'duplicate', at: 'pricing/2025-01b.yaml:2:17' },
      ],
    },
  ],
});

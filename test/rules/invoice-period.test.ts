/** invoice-period: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/invoice-period.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a period that is exactly the first day of the term',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          'period: { from: 2025-03-01, to: 2025-03-31 }',
          'period: { from: 2025-03-01, to: 2025-03-01 }',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('invoice-period', [{ messageId: 'before', at: 'partners/alpha/invoices.yaml:6:19' }]),
    {
      name: 'a period running past the end of the term',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          'period: { from: 2025-04-01, to: 2025-04-30 }',
          'period: { from: 2027-02-01, to: 2027-03-31 }',
        ]),
      },
      errors: [{ messageId: 'after', at: 'partners/alpha/invoices.yaml:15:35' }],
    },
  ],
});

/** money-precision: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/money-precision.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an amount with exactly two decimals',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '    - { date: 2025-04-20, amount: 400.00 }',
          '    - { date: 2025-04-20, amount: 400.25 }',
        ]),
      },
    },
  ],
  invalid: [brokenCase('money-precision', [{ messageId: 'decimals', at: 'partners/alpha/invoices.yaml:18:35' }])],
});

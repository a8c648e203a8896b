/** payment-after-issue: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/payment-after-issue.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a payment on the day of issue',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '    - { date: 2025-04-20, amount: 400.00 }',
          '    - { date: 2025-04-01, amount: 400.00 }',
        ]),
      },
    },
  ],
  invalid: [brokenCase('payment-after-issue', [{ messageId: 'beforeIssue', at: 'partners/alpha/invoices.yaml:9:15' }])],
});

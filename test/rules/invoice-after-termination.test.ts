/** invoice-after-termination: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/invoice-after-termination.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'billing up to the termination day',
      files: {
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2025-04-30\ncurrency: USD'],
        ),
      },
    },
    {
      name: 'a void invoice after the termination',
      files: {
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2025-04-15\ncurrency: USD'],
        ),
        ...baseWith('partners/alpha/invoices.yaml', [
          '  status: sent\n  payments:\n    - { date: 2025-04-20, amount: 400.00 }\n',
          '  status: void\n',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('invoice-after-termination', [{ messageId: 'afterEnd', at: 'partners/alpha/invoices.yaml:15:35' }]),
  ],
});

/** paid-status: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/paid-status.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: paid in full and partly paid' },
    {
      name: 'sent with no payment yet',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '  status: sent\n  payments:\n    - { date: 2025-04-20, amount: 400.00 }\n',
          '  status: sent\n',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('paid-status', [{ messageId: 'notPaid', at: 'partners/alpha/invoices.yaml:16:11' }]),
    {
      name: 'sent but paid in full',
      files: { ...baseWith('partners/alpha/invoices.yaml', ['amount: 400.00 }', 'amount: 1000.00 }']) },
      errors: [{ messageId: 'paid', at: 'partners/alpha/invoices.yaml:16:11' }],
    },
  ],
});

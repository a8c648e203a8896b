/** invoice-amount-mismatch: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/invoice-amount-mismatch.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

/** A third invoice of alpha-2025 (1,000.00/month hosting), without lines, for `amount` over `period`. */
const third = (amount: string, period: string) =>
  baseWith('partners/alpha/invoices.yaml', [
    '    - { date: 2025-04-20, amount: 400.00 }\n',
    '    - { date: 2025-04-20, amount: 400.00 }\n- number: A-3\n  contract: alpha-2025\n  issued: ' +
      `2025-05-01\n  currency: USD\n  amount: ${amount}\n  period: ${period}\n  status: sent\n`,
  ]);

testRule(rule, {
  valid: [
    { name: 'the base fixture: each month billed at its monthly fee' },
    { name: 'two whole months for twice the fee', files: third('2000.00', '{ from: 2025-05-01, to: 2025-06-30 }') },
  ],
  invalid: [
    brokenCase('invoice-amount-mismatch', [{ messageId: 'mismatch', at: 'partners/alpha/invoices.yaml:14:11' }]),
    {
      name: 'a cent off two months',
      files: third('1999.99', '{ from: 2025-05-01, to: 2025-06-30 }'),
      errors: [{ messageId: 'mismatch', at: 'partners/alpha/invoices.yaml:23:11' }],
    },
    {
      name: 'a period holding no whole billing period',
      files: third('500.00', '{ from: 2025-05-01, to: 2025-05-15 }'),
      errors: [{ messageId: 'nothingBilled', at: 'partners/alpha/invoices.yaml:23:11' }],
    },
  ],
});

/** invoice-lines-total: lines, when given, add up exactly to the invoice amount. */
import { rule } from '../../scripts/lib/check/rules/invoice-lines-total.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

const I = 'partners/alpha/invoices.yaml';
// Lines go after A-1's period (line 6); the amount is line 5, '  amount: 1000.00', value at column 11.
const withLines = (...amounts: string[]) =>
  baseWith(I, [
    '  period: { from: 2025-03-01, to: 2025-03-31 }\n  status: paid',
    '  period: { from: 2025-03-01, to: 2025-03-31 }\n  lines:\n' +
      amounts.map((a, i) => `    - { kind: fee, ref: hosting, description: Part ${i + 1}, amount: ${a} }`).join('\n') +
      '\n  status: paid',
  ]);

testRule(rule, {
  valid: [
    { name: 'no lines' },
    { name: 'lines adding up to the cent: 600.01 + 399.99 = 1000.00', files: withLines('600.01', '399.99') },
  ],
  invalid: [
    {
      name: 'lines a cent short: 600.01 + 399.98 = 999.99',
      files: withLines('600.01', '399.98'),
      errors: [{ messageId: 'mismatch', at: `${I}:5:11` }],
    },
    brokenCase('invoice-lines-total', [{ messageId: 'mismatch', at: `${I}:5:11` }]),
  ],
});

/** period-invoiced-twice: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/period-invoiced-twice.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: consecutive months' },
    {
      name: 'a void invoice for a month already billed',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '    - { date: 2025-04-20, amount: 400.00 }\n',
          '    - { date: 2025-04-20, amount: 400.00 }\n- number: A-3\n  contract: alpha-2025\n  issued: ' +
            '2025-04-02\n  currency: USD\n  amount: 1000.00\n  period: { from: 2025-04-01, to: 2025-04-30 ' +
            '}\n  status: void\n',
        ]),
      },
    },
  ],
  invalid: [brokenCase('period-invoiced-twice', [{ messageId: 'overlap', at: 'partners/alpha/invoices.yaml:25:11' }])],
});

/** date-order: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/date-order.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a term of one day',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['end: 2027-02-28', 'end: 2025-03-01']) },
    },
    {
      name: 'an invoice due the day it is issued',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '  issued: 2025-03-01\n',
          '  issued: 2025-03-01\n  due: 2025-03-01\n',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('date-order', [{ messageId: 'range', at: 'costs/recurring.yaml:8:8' }]),
    {
      name: 'a contract ending the day before it starts',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['end: 2027-02-28', 'end: 2025-02-28']) },
      errors: [{ messageId: 'term', at: 'partners/alpha/contracts/alpha-2025.yaml:7:6' }],
    },
    {
      name: 'an invoice due before it is issued',
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '  issued: 2025-03-01\n',
          '  issued: 2025-03-01\n  due: 2025-02-28\n',
        ]),
      },
      errors: [{ messageId: 'due', at: 'partners/alpha/invoices.yaml:4:8' }],
    },
  ],
});

/** contract-terminated: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/contract-terminated.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'terminated on the last day of its term',
      files: {
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2027-02-28\ncurrency: USD'],
        ),
      },
    },
    {
      name: 'terminated on its first day',
      files: {
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2025-03-01\ncurrency: USD'],
        ),
      },
    },
  ],
  invalid: [
    brokenCase('contract-terminated', [
      { messageId: 'outsideTerm', at: 'partners/alpha/contracts/alpha-2025.yaml:8:13' },
    ]),
    brokenCase('contract-terminated-status', [
      { messageId: 'notTerminated', at: 'partners/alpha/contracts/alpha-2025.yaml:8:13' },
    ]),
    {
      name: 'terminated without a date',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['status: active', 'status: terminated']) },
      errors: [{ messageId: 'noDate', at: 'partners/alpha/contracts/alpha-2025.yaml:4:9' }],
    },
  ],
});

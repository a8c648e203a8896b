/** unique-item-id: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/unique-item-id.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a fee and a one-time fee with different ids',
      files: {
        ...baseWith('partners/alpha/contracts/alpha-2025.yaml', [
          'cloud: {',
          'one_time:\n  - { id: setup, description: Setup, amount: 500, date: 2025-03-01 }\ncloud: {',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('unique-item-id', [
      { messageId: 'twice', at: 'partners/alpha/contracts/alpha-2025.yaml:11:11' },
      { messageId: 'twice', at: 'grants/g1/deliverables.yaml:8:7' },
    ]),
  ],
});

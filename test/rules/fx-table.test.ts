/** fx-table: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/fx-table.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'two CAD rates from different months',
      files: {
        ...baseWith('ops.config.yaml', [
          '    - { from: 2025-01, rate: 0.75 }',
          '    - { from: 2025-01, rate: 0.75 }\n    - { from: 2025-02, rate: 0.74 }',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('fx-table', [{ messageId: 'twoRates', at: 'ops.config.yaml:6:15' }]),
    {
      name: 'a rate for the reporting currency',
      files: { ...baseWith('ops.config.yaml', ['fx:\n', 'fx:\n  USD:\n    - { from: 2025-01, rate: 1 }\n']) },
      errors: [{ messageId: 'reporting', at: 'ops.config.yaml:4:3' }],
    },
  ],
});

/** fx-rate: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/fx-rate.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a CAD contract starting in the month of the first CAD rate',
      files: { ...baseWith('partners/beta/contracts/beta-draft.yaml', ['start: 2027-01-01', 'start: 2025-01-01']) },
    },
  ],
  invalid: [
    brokenCase('fx-rate', [{ messageId: 'tooLate', at: 'partners/beta/contracts/beta-draft.yaml:7:11' }]),
    {
      name: 'a currency with no rate at all',
      files: { ...baseWith('partners/beta/contracts/beta-draft.yaml', ['currency: CAD', 'currency: EUR']) },
      errors: [{ messageId: 'none', at: 'partners/beta/contracts/beta-draft.yaml:7:11' }],
    },
  ],
});

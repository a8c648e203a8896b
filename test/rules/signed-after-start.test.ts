/** signed-after-start: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/signed-after-start.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'signed on the day the term starts',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['signed: 2025-02-01', 'signed: 2025-03-01']) },
    },
  ],
  invalid: [
    brokenCase('signed-after-start', [{ messageId: 'backdated', at: 'partners/alpha/contracts/alpha-2025.yaml:6:8' }]),
  ],
});

/** draft-past-start: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/draft-past-start.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'on its start day a draft is not late yet', asOf: '2027-01-01' }],
  invalid: [
    brokenCase('draft-past-start', [{ messageId: 'pastStart', at: 'partners/beta/contracts/beta-draft.yaml:5:8' }]),
    {
      name: 'the day after its start',
      asOf: '2027-01-02',
      errors: [{ messageId: 'pastStart', at: 'partners/beta/contracts/beta-draft.yaml:5:8' }],
    },
  ],
});

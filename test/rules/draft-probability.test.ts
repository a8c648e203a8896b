/** draft-probability: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/draft-probability.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a draft with a probability of 0',
      files: { ...baseWith('partners/beta/contracts/beta-draft.yaml', ['probability: 50', 'probability: 0']) },
    },
  ],
  invalid: [
    brokenCase('draft-probability', [
      { messageId: 'noProbability', at: 'partners/beta/contracts/beta-draft.yaml:4:9' },
    ]),
  ],
});

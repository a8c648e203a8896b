/** probability-draft-only: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/probability-draft-only.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: a probability on a draft' }],
  invalid: [
    brokenCase('probability-draft-only', [
      { messageId: 'notDraft', at: 'partners/alpha/contracts/alpha-2025.yaml:14:14' },
    ]),
  ],
});

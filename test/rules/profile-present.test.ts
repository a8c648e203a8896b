/** profile-present: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/profile-present.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: every folder has its profile' }],
  invalid: [
    brokenCase('profile-present', [{ messageId: 'noPartner', at: 'partners/beta/contracts/beta-draft.yaml:1:1' }]),
    {
      name: 'a grant folder without grant.md',
      remove: ['grants/g1/grant.md'],
      errors: [{ messageId: 'noGrant', at: 'grants/g1/deliverables.yaml:1:1' }],
    },
  ],
});

/** hub-reference: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/hub-reference.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: "the base fixture: usage and costs on the partner's own hub" }],
  invalid: [
    brokenCase('hub-reference', [{ messageId: 'unknownHub', at: 'partners/alpha/usage.yaml:1:26' }]),
    {
      name: 'a cloud cost on a hub the partner does not have',
      files: { ...baseWith('partners/alpha/cloud-costs.yaml', ['hub: alpha-hub', 'hub: beta-hub']) },
      errors: [{ messageId: 'unknownHub', at: 'partners/alpha/cloud-costs.yaml:1:26' }],
    },
  ],
});

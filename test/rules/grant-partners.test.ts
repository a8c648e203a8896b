/** grant-partners: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/grant-partners.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a grant naming both partners',
      files: { ...baseWith('grants/g1/grant.md', ['partners: [alpha]', 'partners: [alpha, beta]']) },
    },
  ],
  invalid: [brokenCase('grant-partners', [{ messageId: 'unknown', at: 'grants/g1/grant.md:12:19' }])],
});

/** id-matches-path: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/id-matches-path.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: every id matches its folder or file' }],
  invalid: [
    brokenCase('id-matches-path', [
      { messageId: 'file', at: 'partners/alpha/contracts/alpha-2025.yaml:1:5' },
      { messageId: 'partner', at: 'partners/alpha/contracts/alpha-2025.yaml:2:10' },
      { messageId: 'folder', at: 'grants/g1/grant.md:2:5' },
    ]),
    {
      name: 'a partner whose id is not its folder name',
      files: { ...baseWith('partners/alpha/partner.md', ['id: alpha', 'id: alfa']) },
      errors: [{ messageId: 'folder', at: 'partners/alpha/partner.md:2:5' }],
    },
  ],
});

/** unique-hub-id: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/unique-hub-id.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: one hub per id' }],
  invalid: [
    brokenCase('unique-hub-id', [
      { messageId: 'duplicate', at: 'partners/beta/partner.md:12:11' },
      { messageId: 'duplicate', at: 'partners/alpha/partner.md:13:11' },
    ]),
  ],
});

/** unique-contract-id: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/unique-contract-id.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: one contract per id' }],
  invalid: [
    brokenCase('unique-contract-id', [
      { messageId: 'duplicate', at: 'partners/beta/contracts/alpha-2025.yaml:1:5' },
      { messageId: 'duplicate', at: 'partners/alpha/contracts/alpha-2025.yaml:1:5' },
    ]),
  ],
});

/** contract-past-end: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/contract-past-end.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'on its last day the contract is still in force', asOf: '2027-02-28' }],
  invalid: [
    {
      name: 'the day after its end',
      asOf: '2027-03-01',
      errors: [{ messageId: 'stillActive', at: 'partners/alpha/contracts/alpha-2025.yaml:4:9' }],
    },
    brokenCase('contract-past-end', [{ messageId: 'stillActive', at: 'partners/alpha/contracts/alpha-2025.yaml:4:9' }]),
  ],
});

/** contract-signed: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/contract-signed.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: a signed contract and an unsigned draft' },
    {
      name: 'an expired contract with its signature',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['status: active', 'status: expired']) },
    },
  ],
  invalid: [
    brokenCase('contract-signed', [{ messageId: 'unsigned', at: 'partners/alpha/contracts/alpha-2025.yaml:4:9' }]),
  ],
});

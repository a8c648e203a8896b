/** contract-hubs: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/contract-hubs.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: "the base fixture: the contract covers the partner's hub" },
    {
      name: 'a contract covering no hub',
      files: { ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['hubs: [alpha-hub]', 'hubs: []']) },
    },
  ],
  invalid: [
    brokenCase('contract-hubs', [{ messageId: 'unknownHub', at: 'partners/alpha/contracts/alpha-2025.yaml:13:19' }]),
  ],
});

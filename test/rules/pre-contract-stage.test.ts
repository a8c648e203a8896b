/** pre-contract-stage: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/pre-contract-stage.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: beta negotiates with only a draft' },
    {
      name: 'a lead again once the contract has ended',
      files: { ...baseWith('partners/alpha/partner.md', ['stage: active', 'stage: lead']) },
      asOf: '2027-03-01',
    },
  ],
  invalid: [
    brokenCase('pre-contract-stage', [{ messageId: 'inForce', at: 'partners/alpha/partner.md:7:8' }]),
    {
      name: 'a lead on the last day of its contract',
      files: { ...baseWith('partners/alpha/partner.md', ['stage: active', 'stage: lead']) },
      asOf: '2027-02-28',
      errors: [{ messageId: 'inForce', at: 'partners/alpha/partner.md:7:8' }],
    },
  ],
});

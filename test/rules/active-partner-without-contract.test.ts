/** active-partner-without-contract: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/active-partner-without-contract.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: an active partner with an active contract' },
    {
      name: 'a paused partner whose contract expired',
      files: {
        ...baseWith('partners/alpha/partner.md', ['stage: active', 'stage: paused']),
        ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['status: active', 'status: expired']),
      },
    },
    {
      name: 'an imported partner awaiting review: needs-review names the missing contract instead',
      files: {
        ...baseWith('partners/alpha/partner.md', ['stage: active\n', 'stage: active\nneeds_review: true\n']),
        ...baseWith('partners/alpha/contracts/alpha-2025.yaml', ['status: active', 'status: expired']),
      },
    },
  ],
  invalid: [
    brokenCase('active-partner-without-contract', [{ messageId: 'noContract', at: 'partners/alpha/partner.md:7:8' }]),
    {
      name: 'an active partner whose only contract is terminated',
      files: {
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2026-06-30\ncurrency: USD'],
        ),
      },
      errors: [{ messageId: 'noContract', at: 'partners/alpha/partner.md:7:8' }],
    },
  ],
});

/** needs-review: an imported partner's missing stage facts are one warning, by message id and place. */
import { rule } from '../../scripts/lib/check/rules/needs-review.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

const imported = (...edits: [string, string][]) =>
  baseWith('partners/alpha/partner.md', ['stage: active\n', 'stage: active\nneeds_review: true\n'], ...edits);

testRule(rule, {
  valid: [
    { name: 'the base fixture: no partner awaits review' },
    {
      name: 'needs_review: false is a reviewed partner',
      files: { ...baseWith('partners/alpha/partner.md', ['stage: active\n', 'stage: active\nneeds_review: false\n']) },
    },
  ],
  invalid: [
    brokenCase('needs-review', [{ messageId: 'toAdd', at: 'partners/alpha/partner.md:8:15' }]),
    {
      name: 'a reviewed-looking partner still marked needs_review',
      files: { ...imported() },
      errors: [{ messageId: 'complete', at: 'partners/alpha/partner.md:8:15' }],
    },
    {
      name: 'an imported partner with no milestones, contract or representative',
      files: {
        ...imported(
          ['milestones:\n  first_contact: 2025-01-10\n  contract_signed: 2025-02-01\n  hub_live: 2025-03-01\n', ''],
          [', labels: [representative]', ''],
        ),
      },
      remove: ['partners/alpha/contracts/alpha-2025.yaml'],
      errors: [{ messageId: 'toAdd', at: 'partners/alpha/partner.md:8:15' }],
    },
  ],
});

/** milestone-order: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/milestone-order.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'two milestones on the same day',
      files: { ...baseWith('partners/alpha/partner.md', ['  hub_live: 2025-03-01', '  hub_live: 2025-02-01']) },
    },
  ],
  invalid: [
    {
      name: 'first_value before hub_live',
      files: {
        ...baseWith('partners/alpha/partner.md', [
          '  hub_live: 2025-03-01\n',
          '  hub_live: 2025-03-01\n  first_value: 2025-02-28\n',
        ]),
      },
      errors: [{ messageId: 'backwards', at: 'partners/alpha/partner.md:12:16' }],
    },
    brokenCase('milestone-order', [{ messageId: 'backwards', at: 'partners/alpha/partner.md:11:13' }]),
  ],
});

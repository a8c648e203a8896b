/** onboarding-items: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/onboarding-items.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'every checklist item ticked',
      files: {
        ...baseWith('partners/alpha/partner.md', [
          '  kickoff: 2025-02-10',
          '  kickoff: 2025-02-10\n  deployed: 2025-02-20',
        ]),
      },
    },
  ],
  invalid: [brokenCase('onboarding-items', [{ messageId: 'unknownItem', at: 'partners/alpha/partner.md:15:3' }])],
});

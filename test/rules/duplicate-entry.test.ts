/** duplicate-entry: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/duplicate-entry.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'two hubs in one month, one hub in two months',
      files: {
        ...baseWith('partners/alpha/partner.md', [
          '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }',
          '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n  - { id: alpha-two, cloud: aws }',
        ]),
        ...baseWith('partners/alpha/usage.yaml', [
          'active_users: 40 }',
          'active_users: 40 }\n- { month: 2025-03, hub: alpha-two, active_users: 3 }\n- { month: 2025-04, ' +
            'hub: alpha-hub, active_users: 41 }',
        ]),
      },
    },
  ],
  invalid: [brokenCase('duplicate-entry', [{ messageId: 'twice', at: 'partners/alpha/usage.yaml:2:12' }])],
});

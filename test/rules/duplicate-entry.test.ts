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
    {
      // Two billing accounts bill one hub in a month: each import keeps its own account's entry (SPEC-3 E).
      name: 'one hub and month from two billing accounts',
      files: baseWith('partners/alpha/cloud-costs.yaml', [
        'currency: USD }',
        'currency: USD, billing_account: 01A }\n- { month: 2025-03, hub: alpha-hub, billing_account: 01B, ' +
          'amount: 5.00, currency: USD }',
      ]),
    },
  ],
  invalid: [
    brokenCase('duplicate-entry', [{ messageId: 'twice', at: 'partners/alpha/usage.yaml:2:12' }]),
    {
      name: 'one hub and month twice from one billing account',
      files: baseWith('partners/alpha/cloud-costs.yaml', [
        'currency: USD }',
        'currency: USD, billing_account: 01A }\n- { month: 2025-03, hub: alpha-hub, billing_account: 01A, ' +
          'amount: 5.00, currency: USD }',
      ]),
      errors: [{ messageId: 'twice', at: 'partners/alpha/cloud-costs.yaml:2:12' }],
    },
  ],
});

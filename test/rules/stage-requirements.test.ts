/** stage-requirements: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/stage-requirements.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an onboarding partner need not have a live hub yet',
      files: {
        ...baseWith(
          'partners/alpha/partner.md',
          ['stage: active', 'stage: onboarding'],
          ['  hub_live: 2025-03-01\n', ''],
        ),
      },
    },
    {
      name: 'an imported partner awaiting review: needs-review says what to add instead',
      files: {
        ...baseWith(
          'partners/alpha/partner.md',
          ['stage: active\n', 'stage: active\nneeds_review: true\n'],
          ['  contract_signed: 2025-02-01\n  hub_live: 2025-03-01\n', ''],
        ),
      },
    },
    {
      name: "the organisation's own record (its name in ops.config.yaml as an id) needs no contract_signed",
      files: {
        ...baseWith(
          'partners/alpha/partner.md',
          ['stage: active\n', 'stage: active\n'],
          ['  contract_signed: 2025-02-01\n  hub_live: 2025-03-01\n', ''],
        ),
        ...baseWith('ops.config.yaml', ['organization: Fixture Org', 'organization: Alpha (our own hubs)']),
      },
    },
  ],
  invalid: [
    brokenCase('stage-requirements', [{ messageId: 'notLive', at: 'partners/alpha/partner.md:7:8' }]),
    {
      name: 'a partner onboarding without contract_signed',
      files: {
        ...baseWith(
          'partners/alpha/partner.md',
          ['stage: active', 'stage: onboarding'],
          ['  contract_signed: 2025-02-01\n', ''],
        ),
      },
      errors: [{ messageId: 'notSigned', at: 'partners/alpha/partner.md:7:8' }],
    },
  ],
});

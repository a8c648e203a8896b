/** date-in-future: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/date-in-future.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

// The latest fact of the base fixture: report-1 completed 2025-12-20 (grants/g1/deliverables.yaml:7:14).
testRule(rule, {
  valid: [
    // 2025-11-19 + 31 days = 2025-12-20: on the limit, not past it.
    { name: 'a completion exactly 31 days after the check', asOf: '2025-11-19' },
    {
      name: 'plans may lie far ahead: a deliverable due in 2029',
      files: { ...baseWith('grants/g1/deliverables.yaml', ['  due: 2026-06-30', '  due: 2029-06-30']) },
    },
    {
      name: 'a hub launch and a termination may be scheduled ahead',
      files: {
        ...baseWith('partners/alpha/partner.md', [
          '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }',
          '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01, decommissioned: 2027-02-28 }',
        ]),
        ...baseWith(
          'partners/alpha/contracts/alpha-2025.yaml',
          ['status: active', 'status: terminated'],
          ['currency: USD', 'terminated: 2026-12-31\ncurrency: USD'],
        ),
      },
    },
  ],
  invalid: [
    brokenCase('date-in-future', [{ messageId: 'future', at: 'partners/alpha/invoices.yaml:18:15' }]),
    {
      name: 'a completion 32 days after the check',
      asOf: '2025-11-18',
      errors: [{ messageId: 'future', at: 'grants/g1/deliverables.yaml:7:14' }],
    },
    {
      name: 'every kind of fact, a month before any of them happened',
      asOf: '2024-12-01',
      errors: [
        { messageId: 'future', at: 'partners/alpha/partner.md:9:18' },
        { messageId: 'future', at: 'partners/alpha/partner.md:10:20' },
        { messageId: 'future', at: 'partners/alpha/partner.md:11:13' },
        { messageId: 'future', at: 'partners/alpha/partner.md:15:12' },
        { messageId: 'future', at: 'partners/alpha/contracts/alpha-2025.yaml:5:9' },
        { messageId: 'future', at: 'partners/alpha/invoices.yaml:3:11' },
        { messageId: 'future', at: 'partners/alpha/invoices.yaml:9:15' },
        { messageId: 'future', at: 'partners/alpha/invoices.yaml:12:11' },
        { messageId: 'future', at: 'partners/alpha/invoices.yaml:18:15' },
        { messageId: 'future', at: 'partners/alpha/feedback.yaml:1:28' },
        { messageId: 'future', at: 'partners/beta/partner.md:9:18' },
        { messageId: 'future', at: 'partners/beta/partner.md:10:18' },
        { messageId: 'future', at: 'grants/g1/grant.md:8:10' },
        { messageId: 'future', at: 'grants/g1/deliverables.yaml:7:14' },
      ],
    },
  ],
});

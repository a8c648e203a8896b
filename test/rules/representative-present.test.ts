/** representative-present: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/representative-present.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const NO_LABEL = ['labels: [representative] }', 'labels: [technical] }'] as [string, string];
const NO_LABELS = [', labels: [representative] }', ' }'] as [string, string];

testRule(rule, {
  valid: [
    { name: 'the base fixture: an active partner whose contact is a representative' },
    {
      name: 'a proposal-stage partner needs no representative yet',
      files: baseWith('partners/alpha/partner.md', ['stage: active', 'stage: proposal'], NO_LABELS),
    },
    {
      name: 'a churned partner with only a technical contact',
      files: baseWith('partners/alpha/partner.md', ['stage: active', 'stage: churned'], NO_LABEL),
    },
    {
      name: 'a representative among several labels',
      files: baseWith('partners/alpha/partner.md', ['labels: [representative]', 'labels: [technical, representative]']),
    },
  ],
  invalid: [
    {
      // stage is line 7, its value starts at column 8
      name: 'an active partner whose only contact is technical',
      files: baseWith('partners/alpha/partner.md', NO_LABEL),
      errors: [{ messageId: 'noRepresentative', at: 'partners/alpha/partner.md:7:8' }],
    },
    {
      name: 'an onboarding partner whose contact has no labels',
      files: baseWith('partners/alpha/partner.md', ['stage: active', 'stage: onboarding'], NO_LABELS),
      errors: [{ messageId: 'noRepresentative', at: 'partners/alpha/partner.md:7:8' }],
    },
    {
      name: 'a paused partner with no contacts at all',
      files: baseWith(
        'partners/alpha/partner.md',
        ['stage: active', 'stage: paused'],
        ['contacts:\n  - { name: Ada Lee, role: Research computing lead, labels: [representative] }\n', ''],
      ),
      errors: [{ messageId: 'noRepresentative', at: 'partners/alpha/partner.md:7:8' }],
    },
  ],
});

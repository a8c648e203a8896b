/** support-requester: only a contact labelled representative opens a request; a warning otherwise. */
import { rule } from '../../scripts/lib/check/rules/support-requester.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const request = (requester?: string) => {
  const who = requester ? `, requester: ${requester}` : '';
  return { 'partners/alpha/support.yaml': `- { id: sr-1, opened: 2025-05-30T15:00:00Z, priority: low${who} }\n` };
};

testRule(rule, {
  valid: [
    { name: 'the representative Ada Lee', files: request('Ada Lee') },
    { name: 'no requester named', files: request() },
  ],
  invalid: [
    {
      // requester's value starts at column 71
      name: 'a name that is no contact of the partner',
      files: request('Bo Chan'),
      errors: [{ messageId: 'notContact', at: 'partners/alpha/support.yaml:1:71' }],
    },
    {
      name: 'a contact who is only technical',
      files: {
        ...request('Ada Lee'),
        ...baseWith('partners/alpha/partner.md', ['labels: [representative]', 'labels: [technical]']),
      },
      errors: [{ messageId: 'notRepresentative', at: 'partners/alpha/support.yaml:1:71' }],
    },
  ],
});

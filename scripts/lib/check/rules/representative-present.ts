import { WORKING_STAGES } from '../../model/records.js';
import { stageChecksWait } from '../../model/needs-review.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'representative-present',
    severity: 'warning',
    description:
      "A partner in onboarding, active or paused has at least one contact labelled 'representative' " +
      '(who may authorise changes and open support requests).',
    messages: {
      noRepresentative: {
        text: "'{{partner}}' is {{stage}} but none of its contacts is labelled 'representative'",
        hint: "add 'labels: [representative]' to the contact who may open support requests (see docs/data.md)",
      },
    },
  },
  create({ repo, report }) {
    return {
      profile(profile, p) {
        const { stage, contacts = [] } = profile.value;
        // An imported partner awaiting review (needs-review asks for one), or the organisation itself.
        if (
          !WORKING_STAGES.has(stage) ||
          stageChecksWait(repo, p) ||
          contacts.some((c) => c.labels?.includes('representative'))
        )
          return;
        report({ at: profile, path: ['stage'], messageId: 'noRepresentative', data: { partner: p.id, stage } });
      },
    };
  },
});

import { defineRule } from '../rule.js';

/** Stages in which the partner works with us: someone there must be able to open support requests. */
const STAGES_NEEDING_REPRESENTATIVE = new Set(['onboarding', 'active', 'paused']);

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
  create({ report }) {
    return {
      profile(profile, p) {
        const { stage, contacts = [] } = profile.value;
        if (!STAGES_NEEDING_REPRESENTATIVE.has(stage) || contacts.some((c) => c.labels?.includes('representative')))
          return;
        report({ at: profile, path: ['stage'], messageId: 'noRepresentative', data: { partner: p.id, stage } });
      },
    };
  },
});

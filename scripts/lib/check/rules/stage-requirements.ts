import { NEEDS_SIGNED, stageChecksWait } from '../../model/needs-review.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'stage-requirements',
    severity: 'error',
    description:
      'A partner in stage onboarding or later has a contract_signed milestone; an active partner also has hub_live.',
    messages: {
      notSigned: {
        text: "a partner in stage '{{stage}}' has signed a contract: add milestones: contract_signed: YYYY-MM-DD",
      },
      notLive: {
        text:
          'an active partner has a live hub: add milestones: hub_live: YYYY-MM-DD (or keep the stage at ' +
          "'onboarding')",
      },
    },
  },
  create({ repo, report }) {
    return {
      profile(profile, p) {
        // An imported partner awaiting review (needs-review says what to add), or the organisation itself.
        if (stageChecksWait(repo, p)) return;
        const { stage, milestones = {} } = profile.value;
        if (NEEDS_SIGNED.includes(stage) && milestones.contract_signed === undefined)
          report({ at: profile, path: ['stage'], messageId: 'notSigned', data: { stage } });
        if (stage === 'active' && milestones.hub_live === undefined)
          report({ at: profile, path: ['stage'], messageId: 'notLive' });
      },
    };
  },
});

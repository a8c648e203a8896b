import type { Stage } from '../../model/records.js';
import { defineRule } from '../rule.js';

const NEEDS_SIGNED: readonly Stage[] = ['onboarding', 'active', 'paused', 'churned'];

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
  create({ report }) {
    return {
      profile(profile) {
        const { stage, milestones = {} } = profile.value;
        if (NEEDS_SIGNED.includes(stage) && milestones.contract_signed === undefined)
          report({ at: profile, path: ['stage'], messageId: 'notSigned', data: { stage } });
        if (stage === 'active' && milestones.hub_live === undefined)
          report({ at: profile, path: ['stage'], messageId: 'notLive' });
      },
    };
  },
});

import type { Stage } from '../../model/records.js';
import type { Rule } from '../rule.js';

const NEEDS_SIGNED: readonly Stage[] = ['onboarding', 'active', 'paused', 'churned'];

export const rule: Rule = {
  meta: {
    id: 'stage-requirements',
    severity: 'error',
    description: 'A partner in stage onboarding or later has a contract_signed milestone; an active partner also has hub_live.',
  },
  check({ repo }, report) {
    for (const p of repo.partners) {
      if (!p.profile) continue;
      const { stage, milestones = {} } = p.profile.value;
      if (NEEDS_SIGNED.includes(stage) && milestones.contract_signed === undefined) {
        report(p.profile, ['stage'], `a partner in stage '${stage}' has signed a contract: add milestones: contract_signed: YYYY-MM-DD`);
      }
      if (stage === 'active' && milestones.hub_live === undefined) {
        report(p.profile, ['stage'], "an active partner has a live hub: add milestones: hub_live: YYYY-MM-DD (or keep the stage at 'onboarding')");
      }
    }
  },
};

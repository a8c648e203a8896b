import { hasBrokenFiles } from '../../model/repository.js';
import { stageChecksWait } from '../../model/needs-review.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'active-partner-without-contract',
    severity: 'warning',
    description: 'An active partner with no active contract (the work may be unpaid).',
    messages: {
      noContract: {
        text: "'{{partner}}' is active but has no active contract",
        hint: 'add or renew its contract under partners/{{partner}}/contracts/, or change the stage',
      },
    },
  },
  create({ repo, report }) {
    // A contract file that does not load may be the active one.
    const contractsUnknown = (partner: string) => hasBrokenFiles(repo, `partners/${partner}/contracts/`);
    return {
      profile(profile, p) {
        // An imported partner awaiting review (needs-review names the contract to add), or the organisation itself.
        if (profile.value.stage !== 'active' || stageChecksWait(repo, p) || contractsUnknown(p.id)) return;
        if (!p.contracts.some((c) => c.value.status === 'active'))
          report({ at: profile, path: ['stage'], messageId: 'noContract', data: { partner: p.id } });
      },
    };
  },
});

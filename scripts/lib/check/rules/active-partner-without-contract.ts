import { hasBrokenFiles } from '../../model/repository.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'active-partner-without-contract', severity: 'warning', description: 'An active partner with no active contract (the work may be unpaid).' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      if (p.profile?.value.stage !== 'active' || hasBrokenFiles(repo, `partners/${p.id}/contracts/`)) continue;
      if (!p.contracts.some((c) => c.value.status === 'active')) {
        report(p.profile, ['stage'], `'${p.id}' is active but has no active contract; add or renew its contract under partners/${p.id}/contracts/, or change the stage`);
      }
    }
  },
};

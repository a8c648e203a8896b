import type { Rule } from '../rule.js';

const HELD = ['awarded', 'active', 'closed'];

export const rule: Rule = {
  meta: { id: 'grant-dates', severity: 'error', description: 'An awarded, active or closed grant has its awarded, start and end dates.' },
  check({ repo }, report) {
    for (const g of repo.grants) {
      const grant = g.grant?.value;
      if (!grant || !HELD.includes(grant.status)) continue;
      const missing = (['awarded', 'start', 'end'] as const).filter((k) => grant[k] === undefined);
      if (missing.length) report(g.grant!, ['status'], `a grant with status '${grant.status}' needs ${missing.join(', ')} (YYYY-MM-DD); add ${missing.length > 1 ? 'them' : 'it'}`);
    }
  },
};

import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'probability-draft-only', severity: 'error', description: "'probability' is given only on draft contracts (a signed contract is certain)." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        if (c.value.status !== 'draft' && c.value.probability !== undefined) {
          report(c, ['probability'], `'probability' is only for draft contracts; this one is '${c.value.status}', so remove the line`);
        }
      }
    }
  },
};

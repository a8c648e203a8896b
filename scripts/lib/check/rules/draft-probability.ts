import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'draft-probability', severity: 'warning', description: 'A draft contract without a probability is left out of the pipeline projection.' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        if (c.value.status === 'draft' && c.value.probability === undefined) {
          report(c, ['status'], 'this draft has no probability, so it is left out of the pipeline; add probability: 0–100 (the chance it is signed)');
        }
      }
    }
  },
};

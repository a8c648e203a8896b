import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'draft-past-start', severity: 'warning', description: 'A draft contract whose start date has passed (sign it, move the dates, or drop it).' },
  check({ repo, asOf }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        if (c.value.status === 'draft' && c.value.start < asOf) {
          report(c, ['start'], `this draft was due to start ${c.value.start} and is still unsigned; record the signature, move the dates, or remove the draft`);
        }
      }
    }
  },
};

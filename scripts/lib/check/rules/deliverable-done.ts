import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'deliverable-done', severity: 'error', description: "A done deliverable says when it was completed, and a done 'deliverable' (not a report) links its evidence." },
  check({ repo }, report) {
    for (const g of repo.grants) {
      for (const d of g.deliverables) {
        if (d.value.status !== 'done') continue;
        if (d.value.completed === undefined) report(d, ['status'], `'${d.value.id}' is done: add completed: YYYY-MM-DD (the day it was finished)`);
        if (d.value.kind === 'deliverable' && d.value.evidence === undefined) report(d, ['status'], `'${d.value.id}' is done: add evidence: with a link that shows it was delivered (https://…)`);
      }
    }
  },
};

import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'signed-after-start', severity: 'warning', description: 'A contract whose term starts before it was signed (legal, but worth a second look).' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        const { signed, start } = c.value;
        if (signed !== undefined && start < signed) {
          report(c, ['start'], `the term starts ${start}, before the contract was signed (${signed}); fine for a backdated contract, otherwise check the dates`);
        }
      }
    }
  },
};

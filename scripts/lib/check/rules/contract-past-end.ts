import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'contract-past-end', severity: 'warning', description: "A contract still marked active after its end date (mark it expired, or record the renewal)." },
  check({ repo, asOf }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        if (c.value.status === 'active' && c.value.end < asOf) {
          report(c, ['status'], `the contract ended ${c.value.end} but is still marked active; set status: expired, or add the renewal as a new contract`);
        }
      }
    }
  },
};

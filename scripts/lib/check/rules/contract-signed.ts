import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'contract-signed', severity: 'error', description: "A contract that is not a draft has a 'signed' date." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        if (c.value.status !== 'draft' && c.value.signed === undefined) {
          report(c, ['status'], `a contract with status '${c.value.status}' must say when it was signed: add signed: YYYY-MM-DD (or set status: draft while it is unsigned)`);
        }
      }
    }
  },
};

import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'markup-without-pass-through', severity: 'warning', description: "A cloud markup on a contract whose cloud billing is not pass-through has no effect." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        const { billing, markup_pct } = c.value.cloud;
        if (markup_pct !== undefined && billing !== 'pass-through') {
          report(c, ['cloud', 'markup_pct'], `markup_pct only applies when cloud billing is pass-through (here it is '${billing}'); remove it or change the billing`);
        }
      }
    }
  },
};

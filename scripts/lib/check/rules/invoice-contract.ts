import { contractPath } from '../../model/repository.js';
import { didYouMean } from '../../text/suggest.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'invoice-contract', severity: 'error', description: "An invoice names one of its own partner's contracts." },
  check({ repo }, report) {
    // Contract ids by partner folder, and the file of each id, from the paths (a broken contract file still exists).
    const byPartner = new Map<string, string[]>();
    const fileOf = new Map<string, string>();
    for (const path of repo.paths) {
      const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
      if (!m) continue;
      const list = byPartner.get(m[1]);
      if (list) list.push(m[2]);
      else byPartner.set(m[1], [m[2]]);
      if (!fileOf.has(m[2])) fileOf.set(m[2], path);
    }
    for (const p of repo.partners) {
      const own = byPartner.get(p.id) ?? [];
      for (const inv of p.invoices) {
        const id = inv.value.contract;
        if (repo.paths.has(contractPath(p.id, id))) continue;
        const elsewhere = fileOf.get(id);
        const message = elsewhere
          ? `contract '${id}' belongs to another partner (${elsewhere}); move this invoice to that partner's invoices.yaml or name one of this partner's contracts (${own.join(', ') || 'none yet'})`
          : `there is no contract '${id}' for partner '${p.id}'.${didYouMean(id, own)} This partner's contracts: ${own.join(', ') || 'none yet'}`;
        report(inv, ['contract'], message);
      }
    }
  },
};

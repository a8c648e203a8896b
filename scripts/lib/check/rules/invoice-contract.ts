import { contractPath } from '../../model/repository.js';
import { didYouMean } from '../../text/suggest.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'invoice-contract', severity: 'error', description: "An invoice names one of its own partner's contracts." },
  check({ repo }, report) {
    const allContracts = [...repo.paths].filter((p) => /^partners\/[^/]+\/contracts\/[^/]+\.yaml$/.test(p));
    for (const p of repo.partners) {
      const own = allContracts.filter((c) => c.startsWith(`partners/${p.id}/`)).map((c) => c.slice(c.lastIndexOf('/') + 1, -5));
      for (const inv of p.invoices) {
        const id = inv.value.contract;
        if (repo.paths.has(contractPath(p.id, id))) continue;
        const elsewhere = allContracts.find((c) => c.endsWith(`/contracts/${id}.yaml`));
        const message = elsewhere
          ? `contract '${id}' belongs to another partner (${elsewhere}); move this invoice to that partner's invoices.yaml or name one of this partner's contracts (${own.join(', ') || 'none yet'})`
          : `there is no contract '${id}' for partner '${p.id}'.${didYouMean(id, own)} This partner's contracts: ${own.join(', ') || 'none yet'}`;
        report(inv, ['contract'], message);
      }
    }
  },
};

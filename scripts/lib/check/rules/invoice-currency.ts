import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'invoice-currency', severity: 'error', description: "An invoice is in its contract's currency." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const contract = p.contracts.find((c) => c.value.id === inv.value.contract)?.value;
        if (contract && contract.currency !== inv.value.currency) {
          report(inv, ['currency'], `contract '${contract.id}' is in ${contract.currency}, so its invoices are too; set currency: ${contract.currency}`);
        }
      }
    }
  },
};

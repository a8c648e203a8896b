import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'invoice-after-termination', severity: 'warning', description: 'An invoice billing days after its contract was terminated.' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const contract = p.contracts.find((c) => c.value.id === inv.value.contract)?.value;
        const period = inv.value.period;
        if (!contract?.terminated || !period || inv.value.status === 'void') continue;
        if (period.to > contract.terminated) {
          report(inv, ['period', 'to'], `the period runs to ${period.to} but contract '${contract.id}' was terminated on ${contract.terminated}; void it or issue a credit for the days after`);
        }
      }
    }
  },
};

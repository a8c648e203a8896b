import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'invoice-period', severity: 'error', description: "An invoice's service period lies inside its contract's term." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const period = inv.value.period;
        const contract = p.contracts.find((c) => c.value.id === inv.value.contract)?.value;
        if (!period || !contract) continue;
        const { start, end } = contract;
        if (period.from < start) report(inv, ['period', 'from'], `the period starts ${period.from}, before contract '${contract.id}' starts (${start}); bill only days of the term ${start} to ${end}`);
        if (period.to > end) report(inv, ['period', 'to'], `the period ends ${period.to}, after contract '${contract.id}' ends (${end}); bill only days of the term ${start} to ${end}`);
      }
    }
  },
};

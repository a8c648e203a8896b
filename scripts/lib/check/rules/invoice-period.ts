import { invoicedContract } from '../../model/repository.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'invoice-period',
    severity: 'error',
    description: "An invoice's service period lies inside its contract's term.",
    messages: {
      before: {
        text: "the period starts {{from}}, before contract '{{contract}}' starts ({{start}})",
        hint: 'bill only days of the term {{start}} to {{end}}',
      },
      after: {
        text: "the period ends {{to}}, after contract '{{contract}}' ends ({{end}})",
        hint: 'bill only days of the term {{start}} to {{end}}',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv, p) {
        const period = inv.value.period;
        const contract = invoicedContract(p, inv.value);
        if (!period || !contract) return;
        const data = {
          from: period.from,
          to: period.to,
          contract: contract.id,
          start: contract.start,
          end: contract.end,
        };
        if (period.from < contract.start) report({ at: inv, path: ['period', 'from'], messageId: 'before', data });
        if (period.to > contract.end) report({ at: inv, path: ['period', 'to'], messageId: 'after', data });
      },
    };
  },
});

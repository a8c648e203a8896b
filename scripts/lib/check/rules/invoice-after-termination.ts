import { invoicedContract } from '../../model/repository.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'invoice-after-termination',
    severity: 'warning',
    description: 'An invoice billing days after its contract was terminated.',
    messages: {
      afterEnd: {
        text: "the period runs to {{to}} but contract '{{contract}}' was terminated on {{terminated}}",
        hint: 'void it or issue a credit for the days after',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv, p) {
        const contract = invoicedContract(p, inv.value);
        const period = inv.value.period;
        if (!contract?.terminated || !period || inv.value.status === 'void') return;
        if (period.to > contract.terminated)
          report({
            at: inv,
            path: ['period', 'to'],
            messageId: 'afterEnd',
            data: { to: period.to, contract: contract.id, terminated: contract.terminated },
          });
      },
    };
  },
});

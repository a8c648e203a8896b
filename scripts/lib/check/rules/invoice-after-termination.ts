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
        const { period, status } = inv.value;
        if (!period || status === 'void') return;
        const contract = invoicedContract(p, inv.value);
        if (contract?.terminated && period.to > contract.terminated)
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

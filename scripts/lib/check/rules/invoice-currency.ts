import { invoicedContract } from '../../model/repository.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'invoice-currency',
    severity: 'error',
    description: "An invoice is in its contract's currency.",
    messages: {
      otherCurrency: {
        text: "contract '{{contract}}' is in {{currency}}, so its invoices are too",
        hint: 'set currency: {{currency}}',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv, p) {
        const contract = invoicedContract(p, inv.value);
        if (contract && contract.currency !== inv.value.currency) {
          report({
            at: inv,
            path: ['currency'],
            messageId: 'otherCurrency',
            data: { contract: contract.id, currency: contract.currency },
          });
        }
      },
    };
  },
});

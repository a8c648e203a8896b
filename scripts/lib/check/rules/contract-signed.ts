import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-signed',
    severity: 'error',
    description: "A contract that is not a draft has a 'signed' date.",
    messages: {
      unsigned: {
        text:
          "a contract with status '{{status}}' must say when it was signed: add signed: YYYY-MM-DD (or " +
          'set status: draft while it is unsigned)',
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        if (c.value.status !== 'draft' && c.value.signed === undefined)
          report({ at: c, path: ['status'], messageId: 'unsigned', data: { status: c.value.status } });
      },
    };
  },
});

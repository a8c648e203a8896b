import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-past-end',
    severity: 'warning',
    description: 'A contract still marked active after its end date (mark it expired, or record the renewal).',
    messages: {
      stillActive: {
        text: 'the contract ended {{end}} but is still marked active',
        hint: 'set status: expired, or add the renewal as a new contract',
      },
    },
  },
  create({ asOf, report }) {
    return {
      contract(c) {
        if (c.value.status === 'active' && c.value.end < asOf)
          report({ at: c, path: ['status'], messageId: 'stillActive', data: { end: c.value.end } });
      },
    };
  },
});

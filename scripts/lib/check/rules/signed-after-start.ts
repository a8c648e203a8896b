import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'signed-after-start',
    severity: 'warning',
    description: 'A contract whose term starts before it was signed (legal, but worth a second look).',
    messages: {
      backdated: {
        text: 'the term starts {{start}}, before the contract was signed ({{signed}})',
        hint: 'fine for a backdated contract, otherwise check the dates',
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        const { signed, start } = c.value;
        if (signed !== undefined && start < signed)
          report({ at: c, path: ['start'], messageId: 'backdated', data: { start, signed } });
      },
    };
  },
});

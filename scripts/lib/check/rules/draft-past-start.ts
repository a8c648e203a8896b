import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'draft-past-start',
    severity: 'warning',
    description: 'A draft contract whose start date has passed (sign it, move the dates, or drop it).',
    messages: {
      pastStart: {
        text: 'this draft was due to start {{start}} and is still unsigned',
        hint: 'record the signature, move the dates, or remove the draft',
      },
    },
  },
  create({ asOf, report }) {
    return {
      contract(c) {
        if (c.value.status === 'draft' && c.value.start < asOf)
          report({ at: c, path: ['start'], messageId: 'pastStart', data: { start: c.value.start } });
      },
    };
  },
});

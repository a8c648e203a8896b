import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'probability-draft-only',
    severity: 'error',
    description: "'probability' is given only on draft contracts (a signed contract is certain).",
    messages: {
      notDraft: {
        text: "'probability' is only for draft contracts",
        hint: "this one is '{{status}}', so remove the line",
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        if (c.value.status !== 'draft' && c.value.probability !== undefined)
          report({ at: c, path: ['probability'], messageId: 'notDraft', data: { status: c.value.status } });
      },
    };
  },
});

import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'draft-probability',
    severity: 'warning',
    description: 'A draft contract without a probability is left out of the pipeline projection.',
    messages: {
      noProbability: {
        text: 'this draft has no probability, so it is left out of the pipeline',
        hint: 'add probability: 0–100 (the chance it is signed)',
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        if (c.value.status === 'draft' && c.value.probability === undefined)
          report({ at: c, path: ['status'], messageId: 'noProbability' });
      },
    };
  },
});

import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'deliverable-done',
    severity: 'error',
    description:
      "A done deliverable says when it was completed, and a done 'deliverable' (not a report) links its evidence.",
    messages: {
      noDate: { text: "'{{id}}' is done: add completed: YYYY-MM-DD (the day it was finished)" },
      noEvidence: { text: "'{{id}}' is done: add evidence: with a link that shows it was delivered (https://…)" },
    },
  },
  create({ report }) {
    return {
      deliverable(d) {
        if (d.value.status !== 'done') return;
        if (d.value.completed === undefined)
          report({ at: d, path: ['status'], messageId: 'noDate', data: { id: d.value.id } });
        if (d.value.kind === 'deliverable' && d.value.evidence === undefined)
          report({ at: d, path: ['status'], messageId: 'noEvidence', data: { id: d.value.id } });
      },
    };
  },
});

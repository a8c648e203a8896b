import { defineRule } from '../rule.js';

const HELD = ['awarded', 'active', 'closed'];

export const rule = defineRule({
  meta: {
    id: 'grant-dates',
    severity: 'error',
    description: 'An awarded, active or closed grant has its awarded, start and end dates.',
    messages: {
      missing: { text: "a grant with status '{{status}}' needs {{missing}} (YYYY-MM-DD)", hint: 'add {{them}}' },
    },
  },
  create({ report }) {
    return {
      grant(g) {
        const grant = g.value;
        if (!HELD.includes(grant.status)) return;
        const missing = (['awarded', 'start', 'end'] as const).filter((k) => grant[k] === undefined);
        if (missing.length)
          report({
            at: g,
            path: ['status'],
            messageId: 'missing',
            data: { status: grant.status, missing: missing.join(', '), them: missing.length > 1 ? 'them' : 'it' },
          });
      },
    };
  },
});

import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-terminated',
    severity: 'error',
    description: "'terminated' is given exactly when the status is terminated, and falls inside the term.",
    messages: {
      noDate: {
        text: 'a terminated contract must say when it ended: add terminated: YYYY-MM-DD (the last day it was in force)',
      },
      notTerminated: {
        text: "'terminated' is only for contracts with status: terminated (this one is '{{status}}')",
        hint: 'set status: terminated or remove the date',
      },
      outsideTerm: {
        text: 'the termination date {{terminated}} is outside the term {{start}} to {{end}}',
        hint: 'it must fall inside it',
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        const { status, terminated, start, end } = c.value;
        if (status === 'terminated' && terminated === undefined)
          report({ at: c, path: ['status'], messageId: 'noDate' });
        else if (status !== 'terminated' && terminated !== undefined)
          report({ at: c, path: ['terminated'], messageId: 'notTerminated', data: { status } });
        else if (terminated !== undefined && (terminated < start || terminated > end)) {
          report({ at: c, path: ['terminated'], messageId: 'outsideTerm', data: { terminated, start, end } });
        }
      },
    };
  },
});

import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: {
    id: 'contract-terminated',
    severity: 'error',
    description: "'terminated' is given exactly when the status is terminated, and falls inside the term.",
  },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        const { status, terminated, start, end } = c.value;
        if (status === 'terminated' && terminated === undefined) {
          report(c, ['status'], 'a terminated contract must say when it ended: add terminated: YYYY-MM-DD (the last day it was in force)');
        } else if (status !== 'terminated' && terminated !== undefined) {
          report(c, ['terminated'], `'terminated' is only for contracts with status: terminated (this one is '${status}'); set status: terminated or remove the date`);
        } else if (terminated !== undefined && (terminated < start || terminated > end)) {
          report(c, ['terminated'], `the termination date ${terminated} is outside the term ${start} to ${end}; it must fall inside it`);
        }
      }
    }
  },
};

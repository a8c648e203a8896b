import { MILESTONES } from '../../model/records.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'milestone-order', severity: 'error', description: `Milestone dates do not go backwards in the order ${MILESTONES.join(', ')}.` },
  check({ repo }, report) {
    for (const p of repo.partners) {
      const ms = p.profile?.value.milestones;
      if (!ms) continue;
      let previous: { name: string; date: string } | undefined;
      for (const name of MILESTONES) {
        const date = ms[name];
        if (date === undefined) continue;
        if (previous && date < previous.date) {
          report(p.profile!, ['milestones', name], `${name} (${date}) is before ${previous.name} (${previous.date}); milestones happen in the order ${MILESTONES.join(' → ')}`);
        }
        if (!previous || date >= previous.date) previous = { name, date };
      }
    }
  },
};

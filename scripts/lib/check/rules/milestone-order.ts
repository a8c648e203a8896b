import { MILESTONES } from '../../model/records.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'milestone-order',
    severity: 'error',
    description: `Milestone dates do not go backwards in the order ${MILESTONES.join(', ')}.`,
    messages: {
      backwards: {
        text: '{{name}} ({{date}}) is before {{previous}} ({{previousDate}})',
        hint: `milestones happen in the order ${MILESTONES.join(' → ')}`,
      },
    },
  },
  create({ report }) {
    return {
      profile(profile) {
        const ms = profile.value.milestones;
        if (!ms) return;
        let previous: { name: string; date: string } | undefined;
        for (const name of MILESTONES) {
          const date = ms[name];
          if (date === undefined) continue;
          if (previous && date < previous.date) {
            report({
              at: profile,
              path: ['milestones', name],
              messageId: 'backwards',
              data: { name, date, previous: previous.name, previousDate: previous.date },
            });
          }
          if (!previous || date >= previous.date) previous = { name, date };
        }
      },
    };
  },
});

import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'fx-table',
    severity: 'error',
    description: 'Exchange rates: one rate per currency and month, none for the reporting currency itself.',
    messages: {
      reporting: { text: '{{code}} is the reporting currency; its rate is always 1, so remove it from fx' },
      twoRates: { text: '{{code}} has two rates from {{from}}', hint: 'keep one' },
    },
  },
  create({ repo, report }) {
    return {
      config(item) {
        for (const [code, entries] of Object.entries(repo.config.fx)) {
          if (code === repo.config.reporting_currency) {
            report({ at: item, path: ['fx', code], messageId: 'reporting', data: { code }, key: true });
            continue;
          }
          const seen = new Set<string>();
          entries.forEach((e, i) => {
            if (seen.has(e.from))
              report({ at: item, path: ['fx', code, i, 'from'], messageId: 'twoRates', data: { code, from: e.from } });
            seen.add(e.from);
          });
        }
      },
    };
  },
});

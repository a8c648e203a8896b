import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'fx-table', severity: 'error', description: 'Exchange rates: one rate per currency and month, none for the reporting currency itself.' },
  check({ repo }, report) {
    const item = repo.configItem;
    if (!item) return;
    for (const [code, entries] of Object.entries(repo.config.fx)) {
      if (code === repo.config.reporting_currency) {
        report(item, ['fx', code], `${code} is the reporting currency; its rate is always 1, so remove it from fx`, { key: true });
        continue;
      }
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        if (seen.has(e.from)) report(item, ['fx', code, i, 'from'], `${code} has two rates from ${e.from}; keep one`);
        seen.add(e.from);
      });
    }
  },
};

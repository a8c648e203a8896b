import type { Item } from '../../model/repository.js';
import type { Report, Rule } from '../rule.js';

function checkOnePerHubMonth(items: Item<{ hub: string; month: string }>[], what: string, report: Report): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.value.hub} ${item.value.month}`;
    if (seen.has(key)) report(item, ['month'], `${what} for hub '${item.value.hub}' in ${item.value.month} is entered twice; keep one entry per hub and month (add the amounts up)`);
    seen.add(key);
  }
}

export const rule: Rule = {
  meta: { id: 'duplicate-entry', severity: 'error', description: 'Cloud costs and usage have one entry per hub and month (a second one would be counted twice).' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      checkOnePerHubMonth(p.cloudCosts, 'the cloud cost', report);
      checkOnePerHubMonth(p.usage, 'usage', report);
    }
  },
};

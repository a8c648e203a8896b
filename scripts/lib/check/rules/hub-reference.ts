import type { Item, PartnerFolder } from '../../model/repository.js';
import { didYouMean } from '../../text/suggest.js';
import type { Report, Rule } from '../rule.js';

function checkHubs(p: PartnerFolder, items: Item<{ hub: string }>[], report: Report): void {
  const hubs = (p.profile?.value.hubs ?? []).map((h) => h.id);
  for (const item of items) {
    if (!hubs.includes(item.value.hub)) {
      report(item, ['hub'], `hub '${item.value.hub}' is not one of ${p.id}'s hubs.${didYouMean(item.value.hub, hubs)} Hubs listed in partners/${p.id}/partner.md: ${hubs.join(', ') || 'none'}`);
    }
  }
}

export const rule: Rule = {
  meta: { id: 'hub-reference', severity: 'error', description: "Cloud costs and usage name one of the partner's own hubs." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      if (!p.profile) continue;
      checkHubs(p, p.cloudCosts, report);
      checkHubs(p, p.usage, report);
    }
  },
};

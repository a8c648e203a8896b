import { didYouMean } from '../../text/suggest.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'contract-hubs', severity: 'error', description: "A contract covers only hubs listed in its partner's partner.md." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      if (!p.profile) continue; // hubs unknown while partner.md is broken
      const hubs = (p.profile.value.hubs ?? []).map((h) => h.id);
      for (const c of p.contracts) {
        (c.value.hubs ?? []).forEach((hub, i) => {
          if (!hubs.includes(hub)) {
            report(c, ['hubs', i], `hub '${hub}' is not one of ${p.id}'s hubs.${didYouMean(hub, hubs)} Hubs listed in partners/${p.id}/partner.md: ${hubs.join(', ') || 'none'}`);
          }
        });
      }
    }
  },
};

import { didYouMean } from '../../text/suggest.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'grant-partners', severity: 'error', description: 'The partners a grant names exist under partners/.' },
  check({ repo }, report) {
    const ids = repo.partners.map((p) => p.id);
    for (const g of repo.grants) {
      (g.grant?.value.partners ?? []).forEach((id, i) => {
        if (!ids.includes(id)) report(g.grant!, ['partners', i], `there is no partner '${id}' (no folder partners/${id}/).${didYouMean(id, ids)}`);
      });
    }
  },
};

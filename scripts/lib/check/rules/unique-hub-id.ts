import { reportDuplicates } from '../duplicates.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-hub-id', severity: 'error', description: 'Hub ids are unique across all partners (every copy is reported).' },
  check({ repo }, report) {
    const occurrences = repo.partners.flatMap((p) =>
      (p.profile?.value.hubs ?? []).map((hub, i) => ({ key: hub.id, at: p.profile!, path: ['hubs', i, 'id'], where: `partner '${p.id}'` })),
    );
    reportDuplicates(occurrences, (id, others) => `the hub id '${id}' is also used by ${others}; give each hub its own id, e.g. '<partner>-${id}'`, report);
  },
};

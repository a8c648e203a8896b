import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-hub-id', severity: 'error', description: 'Hub ids are unique across all partners.' },
  check({ repo }, report) {
    const first = new Map<string, string>();
    for (const p of repo.partners) {
      (p.profile?.value.hubs ?? []).forEach((hub, i) => {
        const seen = first.get(hub.id);
        if (seen) report(p.profile!, ['hubs', i, 'id'], `the hub id '${hub.id}' is already used by ${seen}; give this hub another id, e.g. '${p.id}-${hub.id}'`);
        else first.set(hub.id, `partner '${p.id}'`);
      });
    }
  },
};

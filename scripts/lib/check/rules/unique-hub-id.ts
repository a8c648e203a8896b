import type { Repository } from '../../model/repository.js';
import { uniqueKeys, type Occurrence } from '../duplicates.js';
import { defineRule } from '../rule.js';

/** Every hub id, where partner.md declares it. */
function hubIds(repo: Repository): Occurrence[] {
  return repo.partners.flatMap((p) =>
    (p.profile?.value.hubs ?? []).map((hub, i) => ({
      key: hub.id,
      at: p.profile!,
      path: ['hubs', i, 'id'],
      where: `partner '${p.id}'`,
    })),
  );
}

/** The hub ids alone. */
function ids(repo: Repository): string[] {
  const out: string[] = [];
  for (const p of repo.partners) for (const hub of p.profile?.value.hubs ?? []) out.push(hub.id);
  return out;
}

export const rule = defineRule({
  meta: {
    id: 'unique-hub-id',
    severity: 'error',
    description: 'Hub ids are unique across all partners (every copy is reported).',
    messages: {
      duplicate: {
        text: "the hub id '{{key}}' is also used by {{others}}",
        hint: "give each hub its own id, e.g. '<partner>-{{key}}'",
      },
    },
  },
  create: uniqueKeys(hubIds, ids),
});

import { reportDuplicates } from '../duplicates.js';
import { defineRule } from '../rule.js';

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
  create({ report }) {
    return {
      repository(repo) {
        const occurrences = repo.partners.flatMap((p) =>
          (p.profile?.value.hubs ?? []).map((hub, i) => ({
            key: hub.id,
            at: p.profile!,
            path: ['hubs', i, 'id'],
            where: `partner '${p.id}'`,
          })),
        );
        reportDuplicates(occurrences, (o, data) => report({ at: o.at, path: o.path, messageId: 'duplicate', data }));
      },
    };
  },
});

import { reportDuplicates } from '../duplicates.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'unique-contract-id',
    severity: 'error',
    description: 'Contract ids are unique across all partners (every copy is reported).',
    messages: {
      duplicate: {
        text: "the contract id '{{key}}' is also used by {{others}}",
        hint:
          'contract ids must be unique across partners: rename the one added by mistake (file and id), ' +
          "e.g. to '<partner>-{{key}}'",
      },
    },
  },
  create({ report }) {
    return {
      repository(repo) {
        const occurrences = [...repo.paths].sort().flatMap((path) => {
          const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
          return m ? [{ key: m[2], at: { file: path, pointer: '' }, path: ['id'], where: path }] : [];
        });
        reportDuplicates(occurrences, (o, data) => report({ at: o.at, path: o.path, messageId: 'duplicate', data }));
      },
    };
  },
});

import type { Repository } from '../../model/repository.js';
import { uniqueKeys, type Occurrence } from '../duplicates.js';
import { defineRule } from '../rule.js';

/** Every contract id, as its file name gives it (a file that does not load counts too). */
function contractFileNames(repo: Repository): Occurrence[] {
  return [...repo.paths].sort().flatMap((path) => {
    const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
    return m ? [{ key: m[2], at: { file: path, pointer: '' }, path: ['id'], where: path }] : [];
  });
}

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
  create: uniqueKeys(contractFileNames),
});

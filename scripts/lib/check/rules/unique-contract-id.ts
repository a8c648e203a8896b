import type { Repository } from '../../model/repository.js';
import { uniqueKeys, type Occurrence } from '../duplicates.js';
import { defineRule } from '../rule.js';

const CONTRACT_FILE = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/;

/** Every contract id, as its file name gives it (a file that does not load counts too). */
function contractFileNames(repo: Repository): Occurrence[] {
  return [...repo.paths].sort().flatMap((path) => {
    const m = CONTRACT_FILE.exec(path);
    return m ? [{ key: m[2], at: { file: path, pointer: '' }, path: ['id'], where: path }] : [];
  });
}

/** The contract ids alone, in no particular order (the paths are sorted only to name the copies in order). */
function ids(repo: Repository): string[] {
  const out: string[] = [];
  for (const path of repo.paths) {
    const m = CONTRACT_FILE.exec(path);
    if (m) out.push(m[2]);
  }
  return out;
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
  create: uniqueKeys(contractFileNames, ids),
});

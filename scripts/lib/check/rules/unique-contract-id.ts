import { reportDuplicates } from '../duplicates.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-contract-id', severity: 'error', description: 'Contract ids are unique across all partners (every copy is reported).' },
  check({ repo }, report) {
    const occurrences = [...repo.paths].sort().flatMap((path) => {
      const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
      return m ? [{ key: m[2], at: { file: path, pointer: '' }, path: ['id'], where: path }] : [];
    });
    reportDuplicates(occurrences, (id, others) => `the contract id '${id}' is also used by ${others}; contract ids must be unique across partners: rename the one added by mistake (file and id), e.g. to '<partner>-${id}'`, report);
  },
};

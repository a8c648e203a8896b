import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'unique-contract-id', severity: 'error', description: 'Contract ids are unique across all partners.' },
  check({ repo }, report) {
    const first = new Map<string, string>();
    for (const path of [...repo.paths].sort()) {
      const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
      if (!m) continue;
      const seen = first.get(m[2]);
      if (seen) report({ file: path, pointer: '' }, ['id'], `the contract id '${m[2]}' is already used by ${seen}; contract ids must be unique across partners, e.g. '${m[1]}-${m[2]}'`);
      else first.set(m[2], path);
    }
  },
};

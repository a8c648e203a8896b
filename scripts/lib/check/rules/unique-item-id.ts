import type { Segment } from '../../load/pointer.js';
import type { Place, Report, Rule } from '../rule.js';

/** Reports every id after the first among `items`. */
function checkUnique(at: Place, items: { id: string; path: Segment[] }[], what: string, report: Report): void {
  const seen = new Set<string>();
  for (const { id, path } of items) {
    if (seen.has(id)) report(at, path, `the ${what} id '${id}' is used twice; give each ${what} its own id`);
    seen.add(id);
  }
}

export const rule: Rule = {
  meta: {
    id: 'unique-item-id',
    severity: 'error',
    description: 'Fee ids are unique within a contract, deliverable ids within a grant, cost ids and checklist ids within their file.',
  },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        const fees = c.value.fees.map((f, i) => ({ id: f.id, path: ['fees', i, 'id'] as Segment[] }));
        const oneTime = (c.value.one_time ?? []).map((f, i) => ({ id: f.id, path: ['one_time', i, 'id'] as Segment[] }));
        checkUnique(c, [...fees, ...oneTime], 'fee', report);
      }
    }
    for (const g of repo.grants) {
      const file = g.deliverables[0]?.file;
      if (file) checkUnique({ file, pointer: '' }, g.deliverables.map((d, i) => ({ id: d.value.id, path: [i, 'id'] })), 'deliverable', report);
    }
    const costs = repo.recurringCosts;
    if (costs.length) checkUnique({ file: costs[0].file, pointer: '' }, costs.map((c, i) => ({ id: c.value.id, path: [i, 'id'] })), 'cost', report);
    if (repo.configItem) {
      checkUnique(repo.configItem, repo.config.onboarding_checklist.map((c, i) => ({ id: c.id, path: ['onboarding_checklist', i, 'id'] })), 'checklist item', report);
    }
  },
};

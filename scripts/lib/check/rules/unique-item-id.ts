import type { Segment } from '../../load/pointer.js';
import { defineRule, type Place } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'unique-item-id',
    severity: 'error',
    description:
      'Fee ids are unique within a contract, tier ids within a price book, deliverable ids within a grant, ' +
      'support request ids within a partner, cost ids and checklist ids within their file.',
    messages: {
      twice: { text: "the {{what}} id '{{id}}' is used twice", hint: 'give each {{what}} its own id' },
    },
  },
  create({ repo, report }) {
    /** Reports every id after the first among `items`. */
    const unique = (at: Place, items: { id: string; path: Segment[] }[], what: string) => {
      const seen = new Set<string>();
      for (const { id, path } of items) {
        if (seen.has(id)) report({ at, path, messageId: 'twice', data: { what, id } });
        seen.add(id);
      }
    };
    return {
      contract(c) {
        const fees = c.value.fees.map((f, i) => ({ id: f.id, path: ['fees', i, 'id'] as Segment[] }));
        const oneTime = (c.value.one_time ?? []).map((f, i) => ({
          id: f.id,
          path: ['one_time', i, 'id'] as Segment[],
        }));
        unique(c, [...fees, ...oneTime], 'fee');
      },
      priceBook(b) {
        unique(
          b,
          b.value.tiers.map((t, i) => ({ id: t.id, path: ['tiers', i, 'id'] })),
          'tier',
        );
      },
      partnerFolder(p) {
        const file = p.support[0]?.file;
        if (file)
          unique(
            { file, pointer: '' },
            p.support.map((r, i) => ({ id: r.value.id, path: [i, 'id'] })),
            'support request',
          );
      },
      grantFolder(g) {
        const file = g.deliverables[0]?.file;
        if (file)
          unique(
            { file, pointer: '' },
            g.deliverables.map((d, i) => ({ id: d.value.id, path: [i, 'id'] })),
            'deliverable',
          );
      },
      repository() {
        const costs = repo.recurringCosts;
        if (costs.length)
          unique(
            { file: costs[0].file, pointer: '' },
            costs.map((c, i) => ({ id: c.value.id, path: [i, 'id'] })),
            'cost',
          );
      },
      config(item) {
        unique(
          item,
          repo.config.onboarding_checklist.map((c, i) => ({ id: c.id, path: ['onboarding_checklist', i, 'id'] })),
          'checklist item',
        );
      },
    };
  },
});

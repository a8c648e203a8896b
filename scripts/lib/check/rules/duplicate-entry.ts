import type { Item } from '../../model/repository.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'duplicate-entry',
    severity: 'error',
    description:
      'Cloud costs and usage have one entry per hub and month, cloud costs one per billing account too (a second ' +
      'one would be counted twice).',
    messages: {
      twice: {
        text: "{{what}} for hub '{{hub}}' in {{month}} is entered twice",
        hint: 'keep one entry per hub and month (add the amounts up)',
      },
    },
  },
  create({ report }) {
    const check = (items: readonly Item<{ hub: string; month: string; billing_account?: string }>[], what: string) => {
      const seen = new Set<string>();
      for (const item of items) {
        // The bills of one hub and month from two billing accounts are two entries, each its account's.
        const key = `${item.value.hub} ${item.value.month} ${item.value.billing_account ?? ''}`;
        if (seen.has(key))
          report({
            at: item,
            path: ['month'],
            messageId: 'twice',
            data: { what, hub: item.value.hub, month: item.value.month },
          });
        seen.add(key);
      }
    };
    return {
      partnerFolder(p) {
        check(p.cloudCosts, 'the cloud cost');
        check(p.usage, 'usage');
      },
    };
  },
});

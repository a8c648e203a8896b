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
      // Each hub's months (and billing accounts): no key text made and hashed per entry, only per account.
      const seen = new Map<string, Set<string>>();
      for (const item of items) {
        const { hub, month, billing_account: account } = item.value;
        let months = seen.get(hub);
        if (!months) seen.set(hub, (months = new Set()));
        // The bills of one hub and month from two billing accounts are two entries, each its account's.
        const key = account === undefined ? month : `${month} ${account}`;
        if (months.has(key))
          report({
            at: item,
            path: ['month'],
            messageId: 'twice',
            data: { what, hub: item.value.hub, month: item.value.month },
          });
        months.add(key);
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

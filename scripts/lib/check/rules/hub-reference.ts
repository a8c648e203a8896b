import type { Item, PartnerFolder } from '../../model/repository.js';
import { HUB_MESSAGES, unknownHub } from '../hubs.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'hub-reference',
    severity: 'error',
    description: "Cloud costs, usage and training sessions name one of the partner's own hubs.",
    messages: HUB_MESSAGES,
  },
  create({ report }) {
    const check = (item: Item<{ hub?: string }>, p: PartnerFolder) => {
      const data = item.value.hub === undefined ? undefined : unknownHub(item.value.hub, p);
      if (data) report({ at: item, path: ['hub'], messageId: 'unknownHub', data });
    };
    return { cloudCost: check, usage: check, training: check };
  },
});

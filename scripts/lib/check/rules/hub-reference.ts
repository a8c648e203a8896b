import type { Item, PartnerFolder } from '../../model/repository.js';
import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'hub-reference',
    severity: 'error',
    description: "Cloud costs and usage name one of the partner's own hubs.",
    messages: {
      unknownHub: {
        text:
          "hub '{{hub}}' is not one of {{partner}}'s hubs.{{suggestion}} Hubs listed in " +
          'partners/{{partner}}/partner.md: {{hubs}}',
      },
    },
  },
  create({ report }) {
    const check = (item: Item<{ hub: string }>, p: PartnerFolder) => {
      if (!p.profile) return;
      const hubs = (p.profile.value.hubs ?? []).map((h) => h.id);
      if (hubs.includes(item.value.hub)) return;
      report({
        at: item,
        path: ['hub'],
        messageId: 'unknownHub',
        data: {
          hub: item.value.hub,
          partner: p.id,
          suggestion: didYouMean(item.value.hub, hubs),
          hubs: hubs.join(', ') || 'none',
        },
      });
    };
    return { cloudCost: check, usage: check };
  },
});

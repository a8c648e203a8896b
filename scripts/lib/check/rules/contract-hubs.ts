import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-hubs',
    severity: 'error',
    description: "A contract covers only hubs listed in its partner's partner.md.",
    messages: {
      unknownHub: {
        text:
          "hub '{{hub}}' is not one of {{partner}}'s hubs.{{suggestion}} Hubs listed in " +
          'partners/{{partner}}/partner.md: {{hubs}}',
      },
    },
  },
  create({ report }) {
    return {
      contract(c, p) {
        if (!p.profile) return; // hubs unknown while partner.md is broken
        const hubs = (p.profile.value.hubs ?? []).map((h) => h.id);
        (c.value.hubs ?? []).forEach((hub, i) => {
          if (hubs.includes(hub)) return;
          report({
            at: c,
            path: ['hubs', i],
            messageId: 'unknownHub',
            data: { hub, partner: p.id, suggestion: didYouMean(hub, hubs), hubs: hubs.join(', ') || 'none' },
          });
        });
      },
    };
  },
});

import { HUB_MESSAGES, unknownHub } from '../hubs.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'contract-hubs',
    severity: 'error',
    description: "A contract covers only hubs listed in its partner's partner.md.",
    messages: HUB_MESSAGES,
  },
  create({ report }) {
    return {
      contract(c, p) {
        (c.value.hubs ?? []).forEach((hub, i) => {
          const data = unknownHub(hub, p);
          if (data) report({ at: c, path: ['hubs', i], messageId: 'unknownHub', data });
        });
      },
    };
  },
});

import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'markup-without-pass-through',
    severity: 'warning',
    description: 'A cloud markup on a contract whose cloud billing is not pass-through has no effect.',
    messages: {
      noEffect: {
        text: "markup_pct only applies when cloud billing is pass-through (here it is '{{billing}}')",
        hint: 'remove it or change the billing',
      },
    },
  },
  create({ report }) {
    return {
      contract(c) {
        const { billing, markup_pct } = c.value.cloud;
        if (markup_pct !== undefined && billing !== 'pass-through')
          report({ at: c, path: ['cloud', 'markup_pct'], messageId: 'noEffect', data: { billing } });
      },
    };
  },
});

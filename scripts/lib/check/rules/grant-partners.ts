import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'grant-partners',
    severity: 'error',
    description: 'The partners a grant names exist under partners/.',
    messages: {
      unknown: { text: "there is no partner '{{id}}' (no folder partners/{{id}}/).{{suggestion}}" },
    },
  },
  create({ repo, report }) {
    const ids = repo.partners.map((p) => p.id);
    return {
      grant(g) {
        (g.value.partners ?? []).forEach((id, i) => {
          if (!ids.includes(id))
            report({
              at: g,
              path: ['partners', i],
              messageId: 'unknown',
              data: { id, suggestion: didYouMean(id, ids) },
            });
        });
      },
    };
  },
});

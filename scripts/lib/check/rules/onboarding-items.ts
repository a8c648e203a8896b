import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'onboarding-items',
    severity: 'error',
    description: "A partner's onboarding entries name items of the checklist in ops.config.yaml.",
    messages: {
      unknownItem: {
        text:
          "'{{key}}' is not an item of the onboarding checklist.{{suggestion}} Checklist items " +
          '(ops.config.yaml): {{items}}',
      },
    },
  },
  create({ repo, report }) {
    if (!repo.configItem) return {};
    const ids = repo.config.onboarding_checklist.map((c) => c.id);
    return {
      profile(profile) {
        for (const key of Object.keys(profile.value.onboarding ?? {})) {
          if (ids.includes(key)) continue;
          report({
            at: profile,
            path: ['onboarding', key],
            messageId: 'unknownItem',
            data: { key, suggestion: didYouMean(key, ids), items: ids.join(', ') || 'none' },
            key: true,
          });
        }
      },
    };
  },
});

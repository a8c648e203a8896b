import { didYouMean } from '../../text/suggest.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'onboarding-items', severity: 'error', description: "A partner's onboarding entries name items of the checklist in ops.config.yaml." },
  check({ repo }, report) {
    if (!repo.configItem) return;
    const ids = repo.config.onboarding_checklist.map((c) => c.id);
    for (const p of repo.partners) {
      for (const key of Object.keys(p.profile?.value.onboarding ?? {})) {
        if (!ids.includes(key)) {
          report(p.profile!, ['onboarding', key], `'${key}' is not an item of the onboarding checklist.${didYouMean(key, ids)} Checklist items (ops.config.yaml): ${ids.join(', ') || 'none'}`, { key: true });
        }
      }
    }
  },
};

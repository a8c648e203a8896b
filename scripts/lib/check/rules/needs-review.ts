import { needsReview, stillToAdd } from '../../model/needs-review.js';
import { defineRule } from '../rule.js';

/**
 * An imported partner is not a mistake: until a person reviews it, what its
 * stage lacks (stage-requirements, active-partner-without-contract,
 * representative-present, which stay silent on it) is one warning saying
 * what to add, so the imported repository validates.
 */
export const rule = defineRule({
  meta: {
    id: 'needs-review',
    severity: 'warning',
    description:
      'A partner the infrastructure import created (needs_review: true), with what its stage still needs; ' +
      'the stage checks wait until a person removes needs_review.',
    messages: {
      toAdd: {
        text: "'{{partner}}' was imported from the infrastructure and is not reviewed yet: add {{missing}}",
        hint: 'check its name, type, country and account_owner, then remove needs_review: true',
      },
      complete: {
        text: "'{{partner}}' has what its stage needs but is still marked needs_review",
        hint: 'once its name, type, country and account_owner are checked, remove needs_review: true',
      },
    },
  },
  create({ repo, report }) {
    return {
      profile(profile, p) {
        if (!needsReview(p)) return;
        const missing = stillToAdd(repo, p);
        if (missing.length)
          report({
            at: profile,
            path: ['needs_review'],
            messageId: 'toAdd',
            data: { partner: p.id, missing: missing.join(', ') },
          });
        else report({ at: profile, path: ['needs_review'], messageId: 'complete', data: { partner: p.id } });
      },
    };
  },
});

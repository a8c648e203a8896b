import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'profile-present',
    severity: 'error',
    description: 'Every partner folder has a partner.md and every grant folder a grant.md.',
    messages: {
      noPartner: {
        text: 'partners/{{id}}/ has no partner.md, so its records belong to no partner',
        hint: 'add partners/{{id}}/partner.md (see docs/data.md)',
      },
      noGrant: {
        text: 'grants/{{id}}/ has no grant.md, so its deliverables belong to no grant',
        hint: 'add grants/{{id}}/grant.md',
      },
    },
  },
  create({ repo, report }) {
    const firstFileIn = (folder: string) => [...repo.paths].sort().find((p) => p.startsWith(folder)) ?? folder;
    return {
      partnerFolder(p) {
        if (!repo.paths.has(`partners/${p.id}/partner.md`))
          report({
            at: { file: firstFileIn(`partners/${p.id}/`), pointer: '' },
            messageId: 'noPartner',
            data: { id: p.id },
          });
      },
      grantFolder(g) {
        if (!repo.paths.has(`grants/${g.id}/grant.md`))
          report({
            at: { file: firstFileIn(`grants/${g.id}/`), pointer: '' },
            messageId: 'noGrant',
            data: { id: g.id },
          });
      },
    };
  },
});

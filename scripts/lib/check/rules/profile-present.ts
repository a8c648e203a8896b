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
    /** Reports `folder` (partners/alpha/) when it lacks `file`, at the first file it holds. */
    const requireFile = (folder: string, file: string, messageId: 'noPartner' | 'noGrant', id: string) => {
      if (repo.paths.has(folder + file)) return;
      const first = [...repo.paths].sort().find((p) => p.startsWith(folder)) ?? folder;
      report({ at: { file: first, pointer: '' }, messageId, data: { id } });
    };
    return {
      partnerFolder: (p) => requireFile(`partners/${p.id}/`, 'partner.md', 'noPartner', p.id),
      grantFolder: (g) => requireFile(`grants/${g.id}/`, 'grant.md', 'noGrant', g.id),
    };
  },
});

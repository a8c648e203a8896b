import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: {
    id: 'profile-present',
    severity: 'error',
    description: 'Every partner folder has a partner.md and every grant folder a grant.md.',
  },
  check({ repo }, report) {
    const firstFileIn = (folder: string) => [...repo.paths].sort().find((p) => p.startsWith(folder)) ?? folder;
    for (const p of repo.partners) {
      const path = `partners/${p.id}/partner.md`;
      if (!repo.paths.has(path)) {
        report({ file: firstFileIn(`partners/${p.id}/`), pointer: '' }, [], `partners/${p.id}/ has no partner.md, so its records belong to no partner; add ${path} (see docs/data.md)`);
      }
    }
    for (const g of repo.grants) {
      const path = `grants/${g.id}/grant.md`;
      if (!repo.paths.has(path)) {
        report({ file: firstFileIn(`grants/${g.id}/`), pointer: '' }, [], `grants/${g.id}/ has no grant.md, so its deliverables belong to no grant; add ${path}`);
      }
    }
  },
};

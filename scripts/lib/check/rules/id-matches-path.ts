import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: {
    id: 'id-matches-path',
    severity: 'error',
    description: "A record's id equals its folder or file name, and a contract's partner equals its partner folder.",
  },
  check({ repo }, report) {
    for (const p of repo.partners) {
      if (p.profile && p.profile.value.id !== p.id) {
        report(p.profile, ['id'], `the id '${p.profile.value.id}' does not match the folder partners/${p.id}/; set id: ${p.id} (or rename the folder)`);
      }
      for (const c of p.contracts) {
        const fileId = c.file.slice(c.file.lastIndexOf('/') + 1, -'.yaml'.length);
        if (c.value.id !== fileId) {
          report(c, ['id'], `the id '${c.value.id}' does not match the file name ${fileId}.yaml; set id: ${fileId} (or rename the file)`);
        }
        if (c.value.partner !== p.id) {
          report(c, ['partner'], `the contract is in partners/${p.id}/ but names partner '${c.value.partner}'; set partner: ${p.id} (or move the file)`);
        }
      }
    }
    for (const g of repo.grants) {
      if (g.grant && g.grant.value.id !== g.id) {
        report(g.grant, ['id'], `the id '${g.grant.value.id}' does not match the folder grants/${g.id}/; set id: ${g.id} (or rename the folder)`);
      }
    }
  },
};

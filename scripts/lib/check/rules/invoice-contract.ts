import { pushTo } from '../../collections.js';
import { contractPath } from '../../model/repository.js';
import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'invoice-contract',
    severity: 'error',
    description: "An invoice names one of its own partner's contracts.",
    messages: {
      otherPartner: {
        text: "contract '{{id}}' belongs to another partner ({{elsewhere}})",
        hint: "move this invoice to that partner's invoices.yaml or name one of this partner's contracts ({{own}})",
      },
      unknown: {
        text:
          "there is no contract '{{id}}' for partner '{{partner}}'.{{suggestion}} This partner's " +
          'contracts: {{own}}',
      },
    },
  },
  create({ repo, report }) {
    // Contract ids by partner folder, and the file of each id, from the paths (a broken contract file still exists):
    // gathered only once an invoice names a contract its partner does not have, which nearly none does.
    let byPartner: Map<string, string[]> | undefined;
    const fileOf = new Map<string, string>();
    const gather = () => {
      byPartner = new Map();
      for (const path of repo.paths) {
        const m = /^partners\/([^/]+)\/contracts\/([^/]+)\.yaml$/.exec(path);
        if (!m) continue;
        pushTo(byPartner, m[1], m[2]);
        if (!fileOf.has(m[2])) fileOf.set(m[2], path);
      }
      return byPartner;
    };
    return {
      invoice(inv, p) {
        const id = inv.value.contract;
        if (repo.paths.has(contractPath(p.id, id))) return;
        const own = (byPartner ?? gather()).get(p.id) ?? [];
        const elsewhere = fileOf.get(id);
        const data = {
          id,
          partner: p.id,
          own: own.join(', ') || 'none yet',
          suggestion: didYouMean(id, own),
          elsewhere: elsewhere ?? '',
        };
        report({ at: inv, path: ['contract'], messageId: elsewhere ? 'otherPartner' : 'unknown', data });
      },
    };
  },
});

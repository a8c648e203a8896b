import { didYouMean } from '../../text/suggest.js';
import { defineRule } from '../rule.js';

/** Partner types that may take a share of the revenue they bring (SPEC-2 D). */
const SHARING_TYPES = new Set(['reseller', 'cloud-vendor', 'publisher']);

export const rule = defineRule({
  meta: {
    id: 'joint-venture-terms',
    severity: 'error',
    description:
      "A contract's via names a reseller partner; a revenue share is on a reseller, cloud vendor or publisher; " +
      'cloud credits are on a cloud vendor, run forwards, and cover existing hubs.',
    messages: {
      unknownVia: {
        text: "there is no partner '{{id}}' to have sold this contract.{{suggestion}}",
        hint: 'via names the reseller partner by its id (its folder under partners/)',
      },
      viaNotReseller: {
        text: "'{{id}}' is a {{type}}, not a reseller",
        hint: "a contract is sold via a partner of type reseller; leave via out if '{{id}}' did not sell it",
      },
      shareType: {
        text: "'{{partner}}' is a {{type}}: only a reseller, cloud vendor or publisher takes a revenue share",
        hint: 'remove revenue_share_pct, or correct the partner type',
      },
      creditsType: {
        text: "'{{partner}}' is a {{type}}: only a cloud vendor grants cloud credits",
        hint: "record the credits on the cloud vendor's partner.md",
      },
      creditRange: {
        text: 'the credit ends ({{to}}) before it starts ({{from}})',
        hint: 'write from: first month, to: last month',
      },
      creditHub: {
        text: "the credit covers hub '{{hub}}', which no partner lists.{{suggestion}}",
        hint: 'name hubs by the ids under hubs in the partners’ partner.md',
      },
    },
  },
  create({ repo, report }) {
    // Gathered at the first contract sold via a partner or the first credits (few partners have either).
    let partners: Map<string, string | undefined> | undefined;
    let hubs: string[] | undefined;
    let hubsUnsure = false;
    const gatherHubs = () => {
      hubs = repo.partners.flatMap((p) => (p.profile?.value.hubs ?? []).map((h) => h.id));
      // A hub no loaded partner.md lists may be in one that is broken (its own error says why): hold back then.
      hubsUnsure = repo.partners.some((p) => !p.profile && repo.brokenPaths.has(`partners/${p.id}/partner.md`));
      return hubs;
    };
    return {
      contract(c) {
        const via = c.value.via;
        if (via === undefined) return;
        partners ??= new Map(repo.partners.map((p) => [p.id, p.profile?.value.type]));
        if (!partners.has(via))
          report({
            at: c,
            path: ['via'],
            messageId: 'unknownVia',
            data: { id: via, suggestion: didYouMean(via, [...partners.keys()]) },
          });
        else if (partners.get(via) !== 'reseller' && partners.get(via) !== undefined)
          report({ at: c, path: ['via'], messageId: 'viaNotReseller', data: { id: via, type: partners.get(via)! } });
      },
      profile(profile, p) {
        const { type, revenue_share_pct: share, credits } = profile.value;
        if (share !== undefined && !SHARING_TYPES.has(type))
          report({ at: profile, path: ['revenue_share_pct'], messageId: 'shareType', data: { partner: p.id, type } });
        if (credits !== undefined && type !== 'cloud-vendor')
          report({ at: profile, path: ['credits'], messageId: 'creditsType', data: { partner: p.id, type } });
        (credits ?? []).forEach((credit, i) => {
          if (credit.to < credit.from)
            report({
              at: profile,
              path: ['credits', i, 'to'],
              messageId: 'creditRange',
              data: { from: credit.from, to: credit.to },
            });
          (credit.hubs ?? []).forEach((hub, k) => {
            const known = hubs ?? gatherHubs();
            if (!known.includes(hub) && !hubsUnsure)
              report({
                at: profile,
                path: ['credits', i, 'hubs', k],
                messageId: 'creditHub',
                data: { hub, suggestion: didYouMean(hub, known) },
              });
          });
        });
      },
    };
  },
});

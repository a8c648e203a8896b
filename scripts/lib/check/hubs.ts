/** What the rules that check a hub name against the partner's own hubs share: the message and its data. */
import type { PartnerFolder } from '../model/repository.js';
import { didYouMean } from '../text/suggest.js';

/** The messages of a rule that reports `unknownHub`. */
export const HUB_MESSAGES = {
  unknownHub: {
    text:
      "hub '{{hub}}' is not one of {{partner}}'s hubs.{{suggestion}} Hubs listed in " +
      'partners/{{partner}}/partner.md: {{hubs}}',
  },
};

/**
 * The message data when `hub` is not one of the partner's hubs; undefined
 * when it is, or while partner.md is broken.
 */
export function unknownHub(hub: string, p: PartnerFolder): Record<string, string> | undefined {
  if (!p.profile) return undefined; // hubs unknown while partner.md is broken
  const listed = p.profile.value.hubs ?? [];
  // Asked for every usage, cloud cost and training entry: a known hub is found without a list of the ids.
  for (const h of listed) if (h.id === hub) return undefined;
  const hubs = listed.map((h) => h.id);
  return { hub, partner: p.id, suggestion: didYouMean(hub, hubs), hubs: hubs.join(', ') || 'none' };
}

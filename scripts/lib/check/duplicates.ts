/**
 * Ids that must be unique across files (contract ids, hub ids, invoice
 * numbers): every occurrence is reported, each naming the others, because
 * which copy is the mistake — usually the one just added — is for a person
 * to say, and a note on the untouched file alone points them the wrong way.
 */
import { pushTo } from '../collections.js';
import type { Segment } from '../load/pointer.js';
import type { Repository } from '../model/repository.js';
import type { Finding, Place, RuleContext, Visitors } from './rule.js';

export interface Occurrence {
  key: string;
  at: Place;
  path: readonly Segment[];
  /** How the message names where this occurrence is: "partners/beta/contracts/alpha-2025.yaml". */
  where: string;
}

/**
 * Reports, as the rule's message `duplicate`, every occurrence of a key used
 * more than once, with the key and the others' places as its data.
 */
export function reportDuplicates(
  occurrences: readonly Occurrence[],
  report: (finding: Finding<'duplicate'>) => void,
): void {
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) pushTo(byKey, o.key, o);
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    for (const o of list) {
      const others = list
        .filter((x) => x !== o)
        .map((x) => (x.where === o.where ? 'another entry of this file' : x.where));
      report({
        at: o.at,
        path: o.path,
        messageId: 'duplicate',
        data: { key, others: [...new Set(others)].join(' and ') },
      });
    }
  }
}

/** The `create` of a rule that a key is unique: it reports each duplicate among `occurrencesOf(repo)`. */
export function uniqueKeys(occurrencesOf: (repo: Repository) => Occurrence[]) {
  return ({ report }: RuleContext<'duplicate'>): Visitors => ({
    repository: (repo) => reportDuplicates(occurrencesOf(repo), report),
  });
}

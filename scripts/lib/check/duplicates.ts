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
  const repeated = repeatedKeys(occurrences.map((o) => o.key));
  if (repeated.size === 0) return;
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) if (repeated.has(o.key)) pushTo(byKey, o.key, o);
  for (const [key, list] of byKey) {
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

/** The keys that occur more than once. */
function repeatedKeys(keys: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) repeated.add(key);
    else seen.add(key);
  }
  return repeated;
}

/**
 * The `create` of a rule that a key is unique: it reports each duplicate among `occurrencesOf(repo)`. With
 * `keysOf`, the same keys alone, the occurrences (an object and a path per key: every invoice number, every hub
 * id) are made only when a key repeats, which it nearly never does.
 */
export function uniqueKeys(
  occurrencesOf: (repo: Repository) => Occurrence[],
  keysOf?: (repo: Repository) => Iterable<string>,
) {
  return ({ report }: RuleContext<'duplicate'>): Visitors => ({
    repository: (repo) => {
      if (keysOf && repeatedKeys(keysOf(repo)).size === 0) return;
      reportDuplicates(occurrencesOf(repo), report);
    },
  });
}

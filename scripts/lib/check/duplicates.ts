/**
 * Ids that must be unique across files (contract ids, hub ids, invoice
 * numbers): every occurrence is reported, each naming the others, because
 * which copy is the mistake — usually the one just added — is for a person
 * to say, and a note on the untouched file alone points them the wrong way.
 */
import type { Segment } from '../load/pointer.js';
import type { Place } from './rule.js';

export interface Occurrence {
  key: string;
  at: Place;
  path: readonly Segment[];
  /** How the message names where this occurrence is: "partners/beta/contracts/alpha-2025.yaml". */
  where: string;
}

/** Calls `report` for every occurrence of a key used more than once, with the key and the others' places. */
export function reportDuplicates(
  occurrences: readonly Occurrence[],
  report: (o: Occurrence, data: { key: string; others: string }) => void,
): void {
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    for (const o of list) {
      const others = list
        .filter((x) => x !== o)
        .map((x) => (x.where === o.where ? 'another entry of this file' : x.where));
      report(o, { key, others: [...new Set(others)].join(' and ') });
    }
  }
}

/**
 * Ids that must be unique across files (contract ids, hub ids, invoice
 * numbers): every occurrence is reported, each naming the others, because
 * which copy is the mistake — usually the one just added — is for a person
 * to say, and a note on the untouched file alone points them the wrong way.
 */
import type { Segment } from '../load/pointer.js';
import type { Place, Report } from './rule.js';

export interface Occurrence {
  key: string;
  at: Place;
  path: readonly Segment[];
  /** How the message names where this occurrence is: "partners/beta/contracts/alpha-2025.yaml". */
  where: string;
}

export function reportDuplicates(occurrences: readonly Occurrence[], message: (key: string, others: string) => string, report: Report): void {
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    for (const o of list) {
      const others = list.filter((x) => x !== o).map((x) => (x.where === o.where ? 'another entry of this file' : x.where));
      report(o.at, o.path, message(key, [...new Set(others)].join(' and ')));
    }
  }
}

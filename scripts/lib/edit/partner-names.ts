/**
 * Names and ids from the systems the team uses: they call partners by name,
 * not by id, and their record ids are not slugs.
 */
import type { PartnerFolder, Repository } from '../model/repository.js';

const normal = (s: string | undefined) => s?.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The partner `text` names: the one whose `field` (e.g. `helpdesk_company`)
 * is that name, else the one of that id or name — letter case and spacing
 * aside.
 */
export function partnerNamed(repo: Repository, text: string, field?: 'helpdesk_company'): PartnerFolder | undefined {
  const key = normal(text);
  return (
    (field && repo.partners.find((p) => normal(p.profile?.value[field]) === key)) ||
    repo.partners.find((p) => p.id === key || normal(p.profile?.value.name) === key)
  );
}

/** Another system's id as the tail of a record id: "#4101" → "4101", "Deal A7" → "deal-a7". */
export function slugPart(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The names of the `count` partners whose names (or ids) are closest to
 * `text`, for a skip message that helps a person see which one was meant.
 */
export function closestPartnerNames(repo: Repository, text: string, count = 3): string[] {
  const key = normal(text) ?? '';
  const scored = repo.partners.map((p) => {
    const name = p.profile?.value.name ?? p.id;
    const distance = Math.min(editDistance(key, normal(name) ?? ''), editDistance(key, p.id));
    return { name, distance };
  });
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, count).map((s) => s.name);
}

/** Levenshtein distance: the fewest letters to add, remove or change to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

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

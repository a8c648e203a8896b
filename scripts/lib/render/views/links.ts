/** Links between reports; ids are slugs (safe in a path), names are escaped. */
import { partnerName } from '../../figures/context.js';
import type { PartnerFolder } from '../../model/repository.js';
import { md } from '../markdown.js';

/** A link to a partner's page from a report in `reports/` (or `reports/partners/` with inPartners). */
export function partnerLink(p: PartnerFolder, inPartners = false): string {
  return `[${md(partnerName(p))}](${inPartners ? '' : 'partners/'}${p.id}.md)`;
}

export function code(id: string): string {
  return `\`${id.replace(/`/g, '')}\``;
}

/** The page of last month's billing statement, under the report folder (one path whatever the month). */
export const BILLING_PAGE = 'billing.md';

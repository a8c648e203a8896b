/** partners/README.md: every partner on one page — stage, owner, health, MRR and costs ÷ revenue — linking its page. */
import type { Figures } from '../../figures/index.js';
import { partnerName } from '../../figures/context.js';
import { md, tableRows } from '../markdown.js';
import { money } from '../numbers.js';
import { ownerOf } from './at-stake.js';
import { HEALTH_WORDS } from './health.js';
import { monthLabel } from './incomplete.js';
import { header, type ReportMeta } from './meta.js';
import { partnerRatio } from './partner-ratio.js';

export function partnersIndexView(f: Figures, meta: ReportMeta) {
  const health = new Map(f.health.map((h) => [h.partner, h.health]));
  return {
    header: header(meta, 'Partners', '../../'),
    month: monthLabel(f.ctx.month, f.recovery.incomplete),
    count: String(f.partners.length),
    // By name, as a reader looks one up; ids break ties between equal names. The rows as one text (tableRows).
    partners: tableRows(
      [...f.partners]
        .sort((a, b) => {
          const [x, y] = [partnerName(a.partner), partnerName(b.partner)];
          return x < y ? -1 : x > y ? 1 : a.partner.id < b.partner.id ? -1 : 1;
        })
        .map((p) => {
          const h = health.get(p.partner.id);
          return [
            `[${md(partnerName(p.partner))}](${p.partner.id}.md)`,
            p.partner.profile?.value.stage ?? '—',
            ownerOf(p.partner),
            // Leads, churned and lost partners have no health: it is only judged in onboarding, active or paused.
            h ? HEALTH_WORDS[h] : '—',
            `${money(p.revenue)} ${f.currency}`,
            partnerRatio(p),
          ];
        }),
    ),
  };
}

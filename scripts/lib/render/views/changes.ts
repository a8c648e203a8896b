/** changes.md: what changed in the data over the last 30 days, by partner and grant. */
import { CHANGES_DAYS, type ChangeGroup } from '../../figures/history.js';
import { partnerName } from '../../figures/context.js';
import type { Figures } from '../../figures/index.js';
import { md } from '../markdown.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';

const STATUS = { A: 'added', M: 'changed', D: 'removed' } as const;

export function changesView(f: Figures, meta: ReportMeta) {
  const grants = new Map(f.ctx.repo.grants.map((g) => [g.id, g]));
  return {
    header: header(meta, 'Changes in the last 30 days'),
    days: String(CHANGES_DAYS),
    available: f.history.available,
    // By partner, in the order of their names (as in partners/README.md), then grants, then everything else.
    groups: [...f.history.changes]
      .map((g) => ({ g, name: groupName(f, g) }))
      .sort((a, b) => KIND_ORDER[a.g.kind] - KIND_ORDER[b.g.kind] || byName(a.name, b.name) || byName(a.g.id, b.g.id))
      .map(({ g }) => {
        const partner = f.ctx.partnerById.get(g.id);
        const title =
          g.kind === 'partner'
            ? partner
              ? `Partner ${partnerLink(partner)}`
              : `Partner ${code(g.id)} (removed)`
            : g.kind === 'grant'
              ? `Grant ${grants.get(g.id)?.grant ? md(grants.get(g.id)!.grant!.value.title) : code(g.id)}`
              : 'Settings and organisation costs';
        return {
          title,
          commits: g.commits.map((c) => ({
            date: c.date,
            commit: code(c.commit),
            author: md(c.author),
            subject: md(c.subject),
            files: c.files.map((x) => `${code(x.path)} ${STATUS[x.status]}`).join('<br>'),
          })),
        };
      }),
  };
}

const KIND_ORDER = { partner: 0, grant: 1, other: 2 } as const;

/** The name a group is listed under: the partner's or grant's name, else its id (a removed one). */
function groupName(f: Figures, g: ChangeGroup): string {
  if (g.kind === 'partner') {
    const p = f.ctx.partnerById.get(g.id);
    return p ? partnerName(p) : g.id;
  }
  if (g.kind === 'grant') return f.ctx.repo.grants.find((x) => x.id === g.id)?.grant?.value.title ?? g.id;
  return '';
}

/** As partners/README.md orders names (exactly, no locale: the same order on every machine). */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

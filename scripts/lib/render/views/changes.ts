/** changes.md: what changed in the data over the last 30 days, by partner and grant. */
import { CHANGES_DAYS } from '../../figures/history.js';
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
    groups: f.history.changes.map((g) => {
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

/** Figures from the change history: when each partner was last updated, stale records, recent changes. */
import type { FileChange, History } from '../load/history.js';
import type { Repository } from '../model/repository.js';
import { addDays } from '../time/calendar.js';

export interface PartnerActivity {
  partner: string;
  lastUpdated: string;
  updatedBy: string;
  commit: string;
}

/** Stages whose records are expected to stay still: not listed as stale. */
const AT_REST = ['churned', 'lost'];
export const CHANGES_DAYS = 30;

/** The newest change at or before the as-of date to any file of each partner. */
export function partnerActivity(history: History, asOf: string): Map<string, PartnerActivity> {
  const out = new Map<string, PartnerActivity>();
  for (const c of history.changes) {
    if (c.date > asOf) continue;
    const m = /^partners\/([^/]+)\//.exec(c.path);
    if (!m) continue;
    const existing = out.get(m[1]);
    // The log is newest commit first, but an author date can be older than a later commit's: keep the latest date.
    if (!existing || c.date > existing.lastUpdated)
      out.set(m[1], { partner: m[1], lastUpdated: c.date, updatedBy: c.author, commit: c.commit.slice(0, 7) });
  }
  return out;
}

/** Partners (not churned or lost) whose files have not changed for more than `stale_after_days`. */
export function stalePartners(
  repo: Repository,
  activity: Map<string, PartnerActivity>,
  asOf: string,
): PartnerActivity[] {
  const cutoff = addDays(asOf, -repo.config.stale_after_days);
  return repo.partners
    .filter((p) => p.profile && !AT_REST.includes(p.profile.value.stage))
    .flatMap((p) => {
      const a = activity.get(p.id);
      return a && a.lastUpdated < cutoff ? [a] : [];
    })
    .sort((a, b) =>
      a.lastUpdated < b.lastUpdated ? -1 : a.lastUpdated > b.lastUpdated ? 1 : a.partner < b.partner ? -1 : 1,
    );
}

export interface ChangeGroup {
  /** 'partner leap', 'grant sf-hub-scale', 'settings and costs' */
  kind: 'partner' | 'grant' | 'other';
  id: string;
  commits: {
    commit: string;
    date: string;
    author: string;
    subject: string;
    files: { path: string; status: FileChange['status'] }[];
  }[];
}

/** Changes dated in the `days` days up to and including the as-of date, grouped by partner and grant. */
export function recentChanges(history: History, asOf: string, days = CHANGES_DAYS): ChangeGroup[] {
  const since = addDays(asOf, -days);
  const groups = new Map<string, ChangeGroup>();
  for (const c of history.changes) {
    if (c.date <= since || c.date > asOf) continue;
    const m = /^(partners|grants)\/([^/]+)\//.exec(c.path);
    const kind = m ? (m[1] === 'partners' ? 'partner' : 'grant') : 'other';
    const id = m ? m[2] : '';
    const key = `${kind} ${id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, id, commits: [] }));
    let commit = group.commits.find((x) => x.commit === c.commit.slice(0, 7));
    if (!commit)
      group.commits.push(
        (commit = { commit: c.commit.slice(0, 7), date: c.date, author: c.author, subject: c.subject, files: [] }),
      );
    commit.files.push({ path: c.path, status: c.status });
  }
  const order = { partner: 0, grant: 1, other: 2 };
  return [...groups.values()].sort((a, b) => order[a.kind] - order[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

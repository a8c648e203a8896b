/**
 * `npm run import -- support FILE.csv`: a help desk's tickets export kept as
 * each partner's support requests (partners/<id>/support.yaml). A ticket
 * belongs to the partner its `Company` names (the partner's
 * `helpdesk_company`, its name or its id, letter case aside) and is linked by
 * `source_id`: importing again updates what the help desk changed
 * (acknowledgement, resolution, priority, hours, satisfaction) and nothing
 * else.
 */
import { dec } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { utcOf } from '../time/utc.js';
import type { ChangeSet } from './changeset.js';
import { located, readRows, refuseIf, type RowProblem } from './csv.js';
import { partnerNamed, slugPart } from './partner-names.js';
import type { YamlEditor } from './yaml-editor.js';

/** The help desk's own headings (lowercased when read); other columns are ignored. */
export const HELPDESK_COLUMNS = {
  id: 'ticket id',
  subject: 'subject',
  status: 'status',
  priority: 'priority',
  created: 'created time',
  response: 'initial response time',
  resolved: 'resolved time',
  company: 'company',
  requester: 'requester',
  satisfaction: 'satisfaction rating',
} as const;

/** Optional: the time agents tracked on the ticket, h:mm or hours, kept as the request's `hours`. */
const TIME_TRACKED = 'time tracked';

/** The help desk's priorities as support.yaml's (Freshdesk and Zendesk say Medium for normal). */
const PRIORITIES: Record<string, string> = {
  low: 'low',
  medium: 'normal',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

/** Satisfaction in words (Zendesk's good/bad) as a CSAT score; numbers 1..5 are taken as they are. */
const RATINGS: Record<string, number> = { good: 5, bad: 1 };

export interface SupportSummary {
  added: number;
  updated: string[];
  unchanged: number;
  /** "ticket 4107: why" */
  skipped: string[];
}

interface Ticket {
  line: number;
  value: {
    id: string;
    opened: string;
    acknowledged?: string;
    resolved?: string;
    requester?: string;
    priority: string;
    hours?: number;
    csat?: number;
    source_id: string;
  };
  company: string;
}

/** The fields the help desk owns, brought up to date on a second import. */
const UPDATED = ['acknowledged', 'resolved', 'priority', 'hours', 'csat'] as const;

export async function importSupport(changes: ChangeSet, file: string): Promise<SupportSummary> {
  const csv = readRows(file, Object.values(HELPDESK_COLUMNS), { extraColumns: true, oneRowPer: 'ticket' });
  const errors: string[] = [];
  const tickets: Ticket[] = [];
  for (const { line, row } of csv.rows) {
    const t = toTicket(line, row);
    if (Array.isArray(t)) errors.push(located(csv, line, t));
    else tickets.push(t);
  }
  refuseIf(errors);
  const { repo } = await changes.current();
  const summary: SupportSummary = { added: 0, updated: [], unchanged: 0, skipped: [] };
  const byPartner = new Map<PartnerFolder, Ticket[]>();
  for (const t of tickets) {
    const partner = partnerNamed(repo, t.company, 'helpdesk_company');
    if (!partner) {
      summary.skipped.push(
        `ticket ${t.value.source_id}: no partner is named '${t.company}'; give the partner ` +
          `helpdesk_company: "${t.company}" in its partner.md if it is one`,
      );
      continue;
    }
    const list = byPartner.get(partner);
    if (list) list.push(t);
    else byPartner.set(partner, [t]);
  }
  for (const [partner, list] of [...byPartner].sort(([a], [b]) => (a.id < b.id ? -1 : 1))) {
    const recorded = new Map(
      partner.support.filter((r) => r.value.source_id !== undefined).map((r) => [r.value.source_id!, r]),
    );
    const taken = new Set(partner.support.map((r) => r.value.id));
    const edits: ((e: YamlEditor) => void)[] = [];
    for (const t of list.sort((a, b) => (a.value.opened < b.value.opened ? -1 : 1))) {
      const item = recorded.get(t.value.source_id);
      if (!item) {
        let id = t.value.id;
        for (let n = 2; taken.has(id); n++) id = `${t.value.id}-${n}`;
        taken.add(id);
        edits.push((e) => e.append([], { ...t.value, id }));
        summary.added++;
        continue;
      }
      const at = Number(item.pointer.slice(1));
      const old = item.value as Record<string, string | number | undefined>;
      const now = t.value as Record<string, string | number | undefined>;
      const changed = UPDATED.filter((f) => now[f] !== undefined && old[f] !== now[f]);
      if (changed.length === 0) summary.unchanged++;
      else {
        edits.push((e) => changed.forEach((f) => e.set([at, f], now[f])));
        summary.updated.push(`${partner.id}/${item.value.id} (${changed.join(', ')})`);
      }
    }
    if (edits.length) changes.edit(`partners/${partner.id}/support.yaml`, (e) => edits.forEach((apply) => apply(e)));
  }
  return summary;
}

function toTicket(line: number, row: Record<string, string>): Ticket | RowProblem {
  const C = HELPDESK_COLUMNS;
  const sourceId = row[C.id];
  if (!sourceId) return [C.id, 'the ticket has no Ticket ID'];
  if (!row[C.company]) return [C.company, 'the ticket names no company, so no partner'];
  const times: Partial<Record<'opened' | 'acknowledged' | 'resolved', string>> = {};
  for (const [field, column] of [
    ['opened', C.created],
    ['acknowledged', C.response],
    ['resolved', C.resolved],
  ] as const) {
    const text = row[column];
    if (!text) continue;
    const utc = utcOf(text);
    if (!utc)
      return [
        column,
        `'${text}' is not a date and time such as 2026-11-02 14:03:00 (taken as UTC) or 2026-11-02T14:03:00+01:00`,
      ];
    times[field] = utc;
  }
  if (!times.opened) return [C.created, 'the ticket has no created time'];
  const priority = PRIORITIES[row[C.priority].toLowerCase()];
  if (!priority) return [C.priority, `priority '${row[C.priority]}' is not Low, Medium, High or Urgent`];
  const rating = row[C.satisfaction];
  const csat = rating ? (RATINGS[rating.toLowerCase()] ?? (/^[1-5]$/.test(rating) ? Number(rating) : NaN)) : undefined;
  if (Number.isNaN(csat)) return [C.satisfaction, `satisfaction '${rating}' is not a score from 1 to 5, good or bad`];
  const tracked = row[TIME_TRACKED];
  const hours = tracked ? hoursOf(tracked) : undefined;
  if (Number.isNaN(hours)) return [TIME_TRACKED, `time tracked '${tracked}' is not hours such as 1:30 or 1.5`];
  return {
    line,
    company: row[C.company],
    value: {
      id: `hd-${slugPart(sourceId)}`,
      opened: times.opened,
      ...(times.acknowledged && { acknowledged: times.acknowledged }),
      ...(times.resolved && { resolved: times.resolved }),
      ...(row[C.requester] && { requester: row[C.requester] }),
      priority,
      ...(hours !== undefined && { hours }),
      ...(csat !== undefined && { csat }),
      source_id: sourceId,
    },
  };
}

/** "1:30" or "01:30" (h:mm) or "1.5" as hours, to 2 decimals. */
function hoursOf(text: string): number {
  const hm = /^(\d+):([0-5]\d)$/.exec(text);
  if (hm) return dec(hm[1]).plus(dec(hm[2]).dividedBy(60)).toDecimalPlaces(2).toNumber();
  return /^\d+(\.\d+)?$/.test(text) ? dec(text).toDecimalPlaces(2).toNumber() : NaN;
}

/**
 * `npm run import -- support FILE.csv`: a help desk's tickets export kept as
 * each partner's support requests (partners/<id>/support.yaml). A ticket
 * belongs to the partner its company names (the partner's
 * `helpdesk_company`, its name or its id, letter case aside) and is linked by
 * `source_id`. The help desk owns a ticket's status, acknowledgement,
 * resolution and satisfaction: importing again makes them what it says
 * (clearing `resolved` of a re-opened ticket), brings priority and hours up
 * to date, and leaves everything else a person wrote.
 */
import { dec } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { utcOf } from '../time/utc.js';
import type { ChangeSet } from './changeset.js';
import { located, readRows, refuseIf, type RowProblem } from './csv.js';
import { columnsOf, headingsOf, type Headings } from './headings.js';
import { partnerNamed, slugPart } from './partner-names.js';
import type { YamlEditor } from './yaml-editor.js';
import { pushTo } from '../collections.js';

/**
 * Each field of a ticket and its heading in each source: `ours` (SPEC-2's)
 * and `freshdesk` (the columns of Freshdesk's Tickets → Export as CSV).
 * Matched letter case aside; other columns are ignored.
 */
export const HELPDESK_HEADINGS = {
  id: { ours: 'Ticket ID', freshdesk: 'Ticket ID' },
  subject: { ours: 'Subject', freshdesk: 'Subject' },
  status: { ours: 'Status', freshdesk: 'Status' },
  priority: { ours: 'Priority', freshdesk: 'Priority' },
  created: { ours: 'Created time', freshdesk: 'Created time' },
  response: { ours: 'Initial response time', freshdesk: 'Initial response time' },
  resolved: { ours: 'Resolved time', freshdesk: 'Resolved time' },
  closed: { freshdesk: 'Closed time' },
  company: { ours: 'Company', freshdesk: 'Company Name' },
  requester: { ours: 'Requester', freshdesk: ['Full name', 'Requester name'] },
  satisfaction: { ours: 'Satisfaction rating', freshdesk: 'Survey results' },
  tracked: { ours: 'Time tracked', freshdesk: 'Time tracked' },
} as const satisfies Record<string, Headings>;

type Field = keyof typeof HELPDESK_HEADINGS;

/** The columns a tickets file must have (under any of their headings); the others may be missing. */
const REQUIRED: readonly Field[] = ['id', 'status', 'priority', 'created', 'company'];

/** Statuses of a ticket that is done (Freshdesk: Resolved, Closed; Zendesk: Solved, Closed); any other is open. */
const DONE = ['resolved', 'closed', 'solved'];

/** The help desk's priorities as support.yaml's (Freshdesk and Zendesk say Medium for normal). */
const PRIORITIES: Record<string, string> = {
  low: 'low',
  medium: 'normal',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

/**
 * Satisfaction in words as a CSAT score: Freshdesk's classic survey
 * (Awesome, Just Okay, Not Good), its seven-point one (Extremely happy …
 * Extremely unhappy) and Zendesk's good/bad; numbers 1..5 are taken as they are.
 */
export const RATINGS: Record<string, number> = {
  awesome: 5,
  'just okay': 3,
  'not good': 1,
  'extremely happy': 5,
  'very happy': 4,
  happy: 4,
  neutral: 3,
  unhappy: 2,
  'very unhappy': 1,
  'extremely unhappy': 1,
  good: 5,
  bad: 1,
};

export interface SupportSummary {
  added: number;
  updated: string[];
  unchanged: number;
  /** "ticket 4107: why" */
  skipped: string[];
}

type Columns = Record<keyof typeof HELPDESK_HEADINGS, string | undefined>;

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

/**
 * The fields the help desk owns: on a second import they become what it
 * says, and are removed when it says nothing (a re-opened ticket is no
 * longer resolved).
 */
const OWNED = ['acknowledged', 'resolved', 'csat'] as const;
/** Fields it brings up to date when it gives them, and leaves alone when it does not. */
const UPDATED = ['priority', 'hours'] as const;

export async function importSupport(changes: ChangeSet, file: string): Promise<SupportSummary> {
  const csv = readRows(
    file,
    REQUIRED.map((f) => headingsOf(HELPDESK_HEADINGS[f])),
    { extraColumns: true, oneRowPer: 'ticket' },
  );
  const columns = columnsOf(csv, HELPDESK_HEADINGS);
  const errors: string[] = [];
  const tickets: Ticket[] = [];
  for (const { line, row } of csv.rows) {
    const t = toTicket(line, row, columns);
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
    pushTo(byPartner, partner, t);
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
      const changed = [
        ...OWNED.filter((f) => old[f] !== now[f]),
        ...UPDATED.filter((f) => now[f] !== undefined && old[f] !== now[f]),
      ];
      if (changed.length === 0) summary.unchanged++;
      else {
        edits.push((e) => changed.forEach((f) => (now[f] === undefined ? e.remove([at, f]) : e.set([at, f], now[f]))));
        summary.updated.push(`${partner.id}/${item.value.id} (${changed.join(', ')})`);
      }
    }
    if (edits.length) changes.edit(`partners/${partner.id}/support.yaml`, (e) => edits.forEach((apply) => apply(e)));
  }
  return summary;
}

function toTicket(line: number, row: Record<string, string>, columns: Columns): Ticket | RowProblem {
  const cell = (field: Field) => {
    const column = columns[field];
    return column === undefined ? '' : (row[column] ?? '');
  };
  const at = (field: Field) => columns[field]!;
  const sourceId = cell('id');
  if (!sourceId) return [at('id'), 'the ticket has no Ticket ID'];
  const company = cell('company');
  if (!company) return [at('company'), 'the ticket names no company, so no partner'];
  const times: Partial<Record<'created' | 'response' | 'resolved' | 'closed', string>> = {};
  for (const field of ['created', 'response', 'resolved', 'closed'] as const) {
    const text = cell(field);
    if (!text) continue;
    const utc = utcOf(text);
    if (!utc)
      return [
        at(field),
        `'${text}' is not a date and time such as 2026-11-02 14:03:00 (taken as UTC) or 2026-11-02T14:03:00+01:00`,
      ];
    times[field] = utc;
  }
  if (!times.created) return [at('created'), 'the ticket has no created time'];
  // A re-opened ticket keeps its old resolved time in the export: only a done one is resolved.
  const status = cell('status');
  const done = DONE.includes(status.toLowerCase());
  const resolved = done ? (times.resolved ?? times.closed) : undefined;
  if (done && !resolved) return [at('status'), `the ticket is ${status} but has no resolved time`];
  const priority = PRIORITIES[cell('priority').toLowerCase()];
  if (!priority) return [at('priority'), `priority '${cell('priority')}' is not Low, Medium, High or Urgent`];
  const rating = cell('satisfaction');
  const csat = rating ? (RATINGS[rating.toLowerCase()] ?? (/^[1-5]$/.test(rating) ? Number(rating) : NaN)) : undefined;
  if (Number.isNaN(csat))
    return [
      at('satisfaction'),
      `satisfaction '${rating}' is not a score from 1 to 5 or a survey answer such as Awesome`,
    ];
  const tracked = cell('tracked');
  const hours = tracked ? hoursOf(tracked) : undefined;
  if (Number.isNaN(hours)) return [at('tracked'), `time tracked '${tracked}' is not hours such as 1:30 or 1.5`];
  const requester = cell('requester');
  return {
    line,
    company,
    value: {
      id: `hd-${slugPart(sourceId)}`,
      opened: times.created,
      ...(times.response && { acknowledged: times.response }),
      ...(resolved && { resolved }),
      ...(requester && { requester }),
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

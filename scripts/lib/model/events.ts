/**
 * Which dates are facts — things that became true on that day (a payment
 * received, a contract signed, a milestone reached) — as opposed to plans
 * (a term's end, a due date, a billing period). Figures at a date D take a
 * fact into account only when its date is on or before D; a fact dated far
 * after today is probably a typo (rule date-in-future). One declaration,
 * read by both and by the property test that holds figures to it.
 */
import type { FileKind } from './kinds.js';

export interface EventField {
  /** The JSON path inside one record; `*` stands for every key of a map or every entry of a list. */
  path: readonly string[];
  /**
   * May be written ahead of time: a hub going live or shut down next month, a
   * termination agreed now that takes effect later. Figures still wait for
   * the day; the date-in-future check leaves it alone.
   */
  scheduled?: true;
}

export const EVENT_DATES: Partial<Record<FileKind, readonly EventField[]>> = {
  partner: [
    { path: ['milestones', '*'] },
    { path: ['onboarding', '*'] },
    { path: ['hubs', '*', 'launched'], scheduled: true },
    { path: ['hubs', '*', 'decommissioned'], scheduled: true },
  ],
  contract: [{ path: ['signed'] }, { path: ['terminated'], scheduled: true }],
  invoices: [{ path: ['issued'] }, { path: ['payments', '*', 'date'] }],
  feedback: [{ path: ['date'] }],
  support: [{ path: ['opened'] }, { path: ['acknowledged'] }, { path: ['resolved'] }],
  training: [{ path: ['date'] }],
  grant: [{ path: ['submitted'] }, { path: ['awarded'] }],
  market: [{ path: ['reviewed'] }],
  deliverables: [{ path: ['completed'] }],
  cash: [{ path: ['date'] }],
};

export interface EventDate {
  path: (string | number)[];
  date: string;
  scheduled: boolean;
}

/** Every event date of a record, with its path. */
export function eventDates(kind: FileKind, record: unknown): EventDate[] {
  const out: EventDate[] = [];
  let scheduled = false;
  const walk = (value: unknown, rest: readonly string[], at: (string | number)[]) => {
    if (rest.length === 0) {
      if (typeof value === 'string') out.push({ path: at, date: value, scheduled });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const [head, ...tail] = rest;
    if (head !== '*') return walk((value as Record<string, unknown>)[head], tail, [...at, head]);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, tail, [...at, i]));
    else for (const [k, v] of Object.entries(value)) walk(v, tail, [...at, k]);
  };
  for (const field of EVENT_DATES[kind] ?? []) {
    scheduled = field.scheduled === true;
    walk(record, field.path, []);
  }
  return out;
}

/** What `npm run record` adds for community success: a support request, a training session, a survey response. */
import type { SupportRequest } from '../model/records.js';
import { today } from '../time/calendar.js';
import { utcNow, utcOf } from '../time/utc.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { completeFields, isDate, isSlug, oneOf } from './fields.js';
import { plural } from '../text/plural.js';

type Given = Record<string, unknown>;

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TRAINING_KINDS = ['onboarding', 'workshop', 'office-hours', 'webinar'] as const;
const TOUCHPOINTS = ['quarterly-update', 'release', 'co-design', 'support', 'check-in', 'other'] as const;

const isUtc = (v: string) =>
  utcOf(v) ? undefined : 'write a date and time in UTC, e.g. 2026-11-06T15:00:00Z or "2026-11-06 15:00"';
const isWhole = (min: number, max: number) => (v: string) =>
  /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `a whole number from ${min} to ${max}`;
const isHours = (v: string) => (/^\d+(\.\d{1,2})?$/.test(v) ? undefined : 'hours as a number, e.g. 1.5');

function partnerExists(changes: ChangeSet, partner: string): void {
  if (!changes.exists(`partners/${partner}/partner.md`))
    throw new EditRefused(`there is no partner '${partner}' (looked for partners/${partner}/partner.md)`);
}

/**
 * `record support --partner P --opened TIME [--priority …]` adds a request with
 * the next id (sr-001, sr-002, …); `record support --partner P --id ID
 * [--acknowledged TIME] [--resolved TIME] [--hours H] [--csat 1..5]` updates one.
 */
export async function recordSupport(changes: ChangeSet, given: Given): Promise<string> {
  const updating = given.id !== undefined;
  const v = await completeFields(
    'record support',
    [
      { flag: 'partner', about: 'the partner id', check: isSlug },
      { flag: 'id', about: 'the request to update (leave out to add one)', optional: true, check: isSlug },
      updating
        ? { flag: 'opened', about: 'when it was opened', optional: true, check: isUtc }
        : { flag: 'opened', about: 'when it was opened, in UTC', default: utcNow(), check: isUtc },
      updating
        ? { flag: 'priority', about: PRIORITIES.join(', '), optional: true, check: oneOf(PRIORITIES) }
        : { flag: 'priority', about: PRIORITIES.join(', '), default: 'normal', check: oneOf(PRIORITIES) },
      { flag: 'requester', about: 'the representative who asked', optional: true },
      { flag: 'category', about: 'what it is about, e.g. access', optional: true },
      { flag: 'acknowledged', about: 'when we first answered, in UTC', optional: true, check: isUtc },
      { flag: 'resolved', about: 'when it was resolved, in UTC', optional: true, check: isUtc },
      { flag: 'hours', about: 'the hours of work it took', optional: true, check: isHours },
      { flag: 'csat', about: "the requester's rating, 1 to 5", optional: true, check: isWhole(1, 5) },
    ],
    given,
  );
  partnerExists(changes, v.partner!);
  const { repo } = await changes.current();
  const path = `partners/${v.partner}/support.yaml`;
  const requests = repo.partners.find((p) => p.id === v.partner)?.support ?? [];
  const fields: Partial<Record<keyof SupportRequest, string | number>> = {
    ...(v.opened !== undefined && { opened: utcOf(v.opened) }),
    ...(v.acknowledged !== undefined && { acknowledged: utcOf(v.acknowledged) }),
    ...(v.resolved !== undefined && { resolved: utcOf(v.resolved) }),
    ...(v.requester !== undefined && { requester: v.requester }),
    ...(v.priority !== undefined && { priority: v.priority }),
    ...(v.category !== undefined && { category: v.category }),
    ...(v.hours !== undefined && { hours: Number(v.hours) }),
    ...(v.csat !== undefined && { csat: Number(v.csat) }),
  };
  if (updating) {
    const found = requests.find((r) => r.value.id === v.id);
    if (!found)
      throw new EditRefused(
        `there is no request '${v.id}' in ${path}` +
          (requests.length ? ` (its requests: ${requests.map((r) => r.value.id).join(', ')})` : ''),
      );
    const at = Number(found.pointer.slice(1));
    changes.edit(found.file, (e) => Object.entries(fields).forEach(([k, value]) => e.set([at, k], value)));
    return `Updated ${v.partner}/${v.id}: ${Object.keys(fields).join(', ')}.`;
  }
  const next = 1 + Math.max(0, ...requests.map((r) => Number(/^sr-(\d+)$/.exec(r.value.id)?.[1] ?? 0)));
  const id = `sr-${String(next).padStart(3, '0')}`;
  const { opened, priority, ...rest } = fields;
  changes.edit(path, (e) => e.append([], { id, opened, priority, ...rest }));
  return `Added support request ${v.partner}/${id}, opened ${opened}, priority ${priority}.`;
}

export async function recordTraining(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'record training',
    [
      { flag: 'partner', about: 'the partner id', check: isSlug },
      { flag: 'date', about: 'the day it was held', default: today(), check: isDate },
      { flag: 'title', about: 'what it was, e.g. Hub admin onboarding' },
      { flag: 'kind', about: TRAINING_KINDS.join(', '), check: oneOf(TRAINING_KINDS) },
      { flag: 'attendees', about: 'how many people took part', check: isWhole(0, 100_000) },
      { flag: 'hub', about: "the partner's hub it was about", optional: true, check: isSlug },
      { flag: 'materials', about: 'a link to the slides or recording', optional: true },
    ],
    given,
  );
  partnerExists(changes, v.partner!);
  changes.edit(`partners/${v.partner}/training.yaml`, (e) =>
    e.append([], {
      date: v.date,
      title: v.title,
      kind: v.kind,
      attendees: Number(v.attendees),
      hub: v.hub,
      materials: v.materials,
    }),
  );
  return `Added ${v.kind} session "${v.title}" for ${v.partner} on ${v.date}, ${plural(v.attendees!, 'attendee')}.`;
}

export async function recordFeedback(changes: ChangeSet, given: Given): Promise<string> {
  const csat = given.kind === 'csat';
  const v = await completeFields(
    'record feedback',
    [
      { flag: 'partner', about: 'the partner id', check: isSlug },
      { flag: 'survey', about: "the survey round's id, e.g. 2026-q4", check: isSlug },
      { flag: 'kind', about: 'nps (0 to 10) or csat (1 to 5)', default: 'nps', check: oneOf(['nps', 'csat']) },
      {
        flag: 'score',
        about: csat ? 'the rating, 1 to 5' : 'the score, 0 to 10',
        check: csat ? isWhole(1, 5) : isWhole(0, 10),
      },
      { flag: 'date', about: 'the date of the response', default: today(), check: isDate },
      { flag: 'touchpoint', about: `for CSAT: ${TOUCHPOINTS.join(', ')}`, optional: true, check: oneOf(TOUCHPOINTS) },
      { flag: 'role', about: "the respondent's role", optional: true },
      { flag: 'comment', about: 'what they wrote', optional: true },
    ],
    given,
  );
  partnerExists(changes, v.partner!);
  changes.edit(`partners/${v.partner}/feedback.yaml`, (e) =>
    e.append([], {
      survey: v.survey,
      date: v.date,
      ...(csat && { kind: 'csat' }),
      ...(v.touchpoint !== undefined && { touchpoint: v.touchpoint }),
      score: Number(v.score),
      role: v.role,
      comment: v.comment,
    }),
  );
  return `Added ${csat ? 'CSAT' : 'NPS'} response ${v.score} to ${v.survey} for ${v.partner} (${v.date}).`;
}

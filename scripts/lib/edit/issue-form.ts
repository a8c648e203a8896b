/**
 * A filled issue form turned into the `new`/`record` action it stands for.
 * The issue is data only: its fields become an action's option values, the
 * same values `npm run new`/`record` parse from flags, and go through the
 * same checks and the same write. Nothing of it is ever run or evaluated.
 */
import { UsageError } from '../cli.js';
import { ConcurrentChange, EditRefused, type ChangeSet } from './changeset.js';
import type { AuthoringAction } from './command.js';
import { recordFeedback, recordSupport, recordTraining } from './community-actions.js';
import { newContract, newPartner } from './new-records.js';
import { recordDeliverable, recordPayment, recordStage } from './record-actions.js';
import { didYouMean } from '../text/suggest.js';

/** One field of a form: its `### Label` in the issue body and the option it gives. */
export interface FormField {
  label: string;
  option: string;
  required?: boolean;
  /** A checkbox (`- [X] …`): the option is true when ticked. */
  checkbox?: boolean;
  /** A textarea with one value per line (a contract's fees). */
  lines?: boolean;
  /** What an id names, to suggest the closest existing one when it is mistyped. */
  names?: 'partner' | 'grant' | 'invoice';
}

export interface IssueForm {
  /** The label the template sets, and the title it starts with (when the label could not be applied). */
  label: string;
  titlePrefix: string;
  action: AuthoringAction;
  /** The equivalent command, for the pull request's text: `record payment`. */
  command: string;
  fields: FormField[];
  /** Values the form leaves out: the day the issue was opened, its author (see docs/guide.md). */
  defaults?: (issue: IssueFacts, given: Record<string, unknown>) => Record<string, unknown>;
  /** A second action after the first, from the same form (a signed contract moves the partner to onboarding). */
  then?: (given: Record<string, unknown>) => { action: AuthoringAction; given: Record<string, unknown> } | undefined;
}

export interface IssueFacts {
  number: number;
  /** When the issue was opened, UTC: 2026-11-06T15:00:00Z. */
  createdAt: string;
  author: string;
}

const day = (i: IssueFacts) => i.createdAt.slice(0, 10);
const PARTNER: FormField = { label: 'Partner id', option: 'partner', required: true, names: 'partner' };

export const FORMS: IssueForm[] = [
  {
    label: 'payment',
    titlePrefix: 'Payment received:',
    command: 'record payment',
    action: recordPayment,
    fields: [
      { label: 'Invoice number', option: 'invoice', required: true, names: 'invoice' },
      { label: 'Amount received', option: 'amount', required: true },
      { label: 'Received on', option: 'date' },
    ],
    defaults: (i) => ({ date: day(i) }),
  },
  {
    label: 'contract',
    titlePrefix: 'Contract signed:',
    command: 'new contract',
    action: newContract,
    fields: [
      PARTNER,
      { label: 'Signed on', option: 'signed', required: true },
      { label: 'First day', option: 'start', required: true },
      { label: 'Last day', option: 'end', required: true },
      { label: 'Fees', option: 'fee', required: true, lines: true },
      { label: 'Invoiced', option: 'billing' },
      { label: 'Cloud bill', option: 'cloud' },
      { label: 'Currency', option: 'currency' },
      { label: 'Kind of contract', option: 'kind' },
      { label: 'Contract id', option: 'id' },
      { label: 'Hubs it covers', option: 'hubs' },
      { label: 'Days of notice', option: 'notice-days' },
      { label: 'Link to the signed document', option: 'document' },
      { label: 'Renewal', option: 'auto-renew', checkbox: true },
      { label: 'Partner stage', option: 'to-onboarding', checkbox: true },
    ],
    then: (g) =>
      g['to-onboarding']
        ? { action: recordStage, given: { partner: g.partner, to: 'onboarding', date: g.signed } }
        : undefined,
  },
  {
    label: 'lead',
    titlePrefix: 'New lead:',
    command: 'new partner',
    action: newPartner,
    fields: [
      { label: 'Organisation', option: 'name', required: true },
      { label: 'Short id', option: 'id' },
      { label: 'Kind of organisation', option: 'type', required: true },
      { label: 'Country', option: 'country', required: true },
      { label: 'First contact', option: 'first-contact' },
      { label: 'Who looks after them', option: 'owner' },
    ],
    defaults: (i, g) => ({
      'first-contact': day(i),
      owner: i.author,
      id: typeof g.name === 'string' ? slugOf(g.name) : undefined,
    }),
  },
  {
    label: 'deliverable',
    titlePrefix: 'Deliverable:',
    command: 'record deliverable',
    action: recordDeliverable,
    fields: [
      { label: 'Grant id', option: 'grant', required: true, names: 'grant' },
      { label: 'Deliverable id', option: 'id', required: true },
      { label: 'New status', option: 'status', required: true },
      { label: 'On', option: 'date' },
      { label: 'Evidence', option: 'evidence' },
    ],
    defaults: (i) => ({ date: day(i) }),
  },
  {
    label: 'support',
    titlePrefix: 'Support request:',
    command: 'record support',
    action: recordSupport,
    fields: [
      PARTNER,
      { label: 'Opened', option: 'opened' },
      { label: 'Priority', option: 'priority' },
      { label: 'Who asked', option: 'requester' },
      { label: 'What it is about', option: 'category' },
      { label: 'First answered', option: 'acknowledged' },
      { label: 'Resolved', option: 'resolved' },
      { label: 'Hours of work', option: 'hours' },
      { label: 'Their rating', option: 'csat' },
    ],
    defaults: (i) => ({ opened: i.createdAt }),
  },
  {
    label: 'training',
    titlePrefix: 'Training held:',
    command: 'record training',
    action: recordTraining,
    fields: [
      PARTNER,
      { label: 'Title', option: 'title', required: true },
      { label: 'Kind of session', option: 'kind', required: true },
      { label: 'Attendees', option: 'attendees', required: true },
      { label: 'Held on', option: 'date' },
      { label: 'Hub', option: 'hub' },
      { label: 'Slides or recording', option: 'materials' },
    ],
    defaults: (i) => ({ date: day(i) }),
  },
  {
    label: 'survey',
    titlePrefix: 'Survey answer:',
    command: 'record feedback',
    action: recordFeedback,
    fields: [
      PARTNER,
      { label: 'Survey round', option: 'survey', required: true },
      { label: 'Kind of survey', option: 'kind' },
      { label: 'Score', option: 'score', required: true },
      { label: 'Answered on', option: 'date' },
      { label: 'About', option: 'touchpoint' },
      { label: 'Their role', option: 'role' },
      { label: 'What they wrote', option: 'comment' },
    ],
    defaults: (i) => ({ date: day(i) }),
  },
];

/** A form field the person must fix: its label, and what is wrong in words they can act on. */
export class FieldProblem extends Error {
  override name = 'FieldProblem';
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The form an issue was filled from: by the label its template sets, else by the title's start. */
export function formOf(labels: readonly string[], title: string): IssueForm | undefined {
  return (
    FORMS.find((f) => labels.includes(f.label)) ??
    FORMS.find((f) => title.toLowerCase().startsWith(f.titlePrefix.toLowerCase()))
  );
}

const NO_RESPONSE = '_No response_';

/**
 * The fields of a body as GitHub renders a form: `### Label`, a blank line,
 * the value (`_No response_` when left empty). Only the form's own labels
 * start a field, so a `###` line typed inside a text field stays text.
 */
export function parseBody(body: string, form: IssueForm): Map<string, string> {
  const labels = new Set(form.fields.map((f) => f.label));
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^###\s+(.+?)\s*$/.exec(line)?.[1];
    if (heading !== undefined && labels.has(heading) && !sections.has(heading)) {
      current = [];
      sections.set(heading, current);
    } else current?.push(line);
  }
  const out = new Map<string, string>();
  for (const [label, lines] of sections) {
    const value = lines.join('\n').trim();
    if (value !== '' && value !== NO_RESPONSE) out.set(label, value);
  }
  return out;
}

/** The option values a filled form gives its action, exactly as the command line would give them. */
export function givenOf(form: IssueForm, body: string, issue: IssueFacts): Record<string, unknown> {
  const values = parseBody(body, form);
  const given: Record<string, unknown> = {};
  for (const f of form.fields) {
    const value = values.get(f.label);
    if (f.checkbox) {
      if (value !== undefined && /^- \[[xX]\]/m.test(value)) given[f.option] = true;
      continue;
    }
    if (value === undefined) {
      if (f.required) throw new FieldProblem(f.label, `“${f.label}” is required: fill it in and save the issue.`);
      continue;
    }
    given[f.option] = f.lines
      ? value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : value;
  }
  for (const [option, value] of Object.entries(form.defaults?.(issue, given) ?? {}))
    if (given[option] === undefined && value !== undefined) given[option] = value;
  return given;
}

/** A name as an id: "Harbour Technical College" → harbour-technical-college. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Runs the form's action(s) on one change set. A mistyped partner, grant or
 * invoice is refused with the closest existing one (a form cannot list them);
 * every other refusal is the action's own, with its `--flag` named as the
 * form's field.
 */
export async function applyForm(changes: ChangeSet, form: IssueForm, given: Record<string, unknown>): Promise<string> {
  await checkNames(changes, form, given);
  try {
    const summaries = [await form.action(changes, given)];
    const next = form.then?.(given);
    if (next) summaries.push(await next.action(changes, next.given));
    return inFormWords(form, summaries.join(' ')).text;
  } catch (e) {
    throw asFieldProblem(form, given, e);
  }
}

async function checkNames(changes: ChangeSet, form: IssueForm, given: Record<string, unknown>): Promise<void> {
  const { repo } = await changes.current();
  const known = {
    partner: repo.partners.map((p) => p.id),
    grant: repo.grants.map((g) => g.id),
    invoice: repo.partners.flatMap((p) => p.invoices.map((i) => i.value.number)),
  };
  for (const f of form.fields) {
    const value = given[f.option];
    if (!f.names || typeof value !== 'string' || known[f.names].includes(value)) continue;
    throw new FieldProblem(
      f.label,
      `“${f.label}”: there is no ${f.names} '${value}'.${didYouMean(value, known[f.names])}`,
    );
  }
}

/** The action's message in the form's words: `--amount '12,5x': …` becomes `“Amount received” '12,5x': …`. */
export function asFieldProblem(form: IssueForm, given: Record<string, unknown>, e: unknown): unknown {
  // Another command wrote meanwhile: editAndWrite makes the edit again.
  if (e instanceof ConcurrentChange || !(e instanceof UsageError || e instanceof EditRefused)) return e;
  const { text: message, first } = inFormWords(form, e.message);
  let field = first;
  // A refusal that names no flag names the value: the field that holds it.
  field ??= form.fields.find((f) => {
    const v = given[f.option];
    return typeof v === 'string' && message.includes(`'${v}'`);
  })?.label;
  return new FieldProblem(field, message);
}

/** A command's text with each `--flag` of the form written as its field's label; `first`: the first one named. */
function inFormWords(form: IssueForm, text: string): { text: string; first?: string } {
  const byOption = new Map(form.fields.map((f) => [f.option, f.label]));
  let first: string | undefined;
  const out = text.replace(/--([a-z][a-z-]*)/g, (flag, option: string) => {
    const label = byOption.get(option);
    if (!label) return flag;
    first ??= label;
    return `“${label}”`;
  });
  return { text: out, first };
}

/**
 * A business rule: one module, one id, one severity, one concern (the shape
 * of ESLint's rules). Its `meta.messages` holds every sentence it can say,
 * by message id, with {{placeholders}} filled from the data of a report and
 * an optional hint (how to fix it) shown after the message. Its `create`
 * returns visitors: the engine walks the repository once and calls
 * `invoice(item, partner)`, `contract(item, partner)`, … for every record of
 * that kind (the names come from the kinds table), `partnerFolder(p)` and
 * `grantFolder(g)` for every folder, `repository(repo)` once, for checks
 * across files, and `end()` after everything (the scopes of MDN
 * browser-compat-data's linters, ESLint's `Program:exit`).
 */
import type { Segment } from '../load/pointer.js';
import type { KINDS } from '../model/kinds.js';
import type { GrantFolder, Item, PartnerFolder, RecordOf, Repository } from '../model/repository.js';
import type { Severity } from '../problem.js';

export interface Message {
  /** What is wrong, e.g. "'{{id}}' is active but has no active contract". */
  text: string;
  /** How to put it right, shown after the message: "add or renew its contract …". */
  hint?: string;
}

export interface RuleMeta<M extends string = string, Id extends string = string> {
  id: Id;
  severity: Severity;
  /** One line for the docs and `--help`. */
  description: string;
  messages: Record<M, Message>;
}

/** Where a finding is: a record (or file) and the path of the value inside it. */
export interface Place {
  file: string;
  pointer: string;
}

export interface Finding<M extends string = string> {
  at: Place;
  /** The value inside the record: ['fees', 0, 'amount']. */
  path?: readonly Segment[];
  messageId: M;
  data?: Record<string, string | number>;
  /** Point at the key rather than its value. */
  key?: boolean;
}

export interface RuleContext<M extends string = string> {
  repo: Repository;
  /** The as-of date for the checks that depend on "now" (e.g. a draft past its start). */
  asOf: string;
  report: (finding: Finding<M>) => void;
  /**
   * The text of a data file as it was read, for a rule that can rule out every record of a file from its text
   * alone; undefined for a file not read from disk (a test's records).
   */
  textOf: (file: string) => string | undefined;
}

type Table = typeof KINDS;
type OwnerOf<K extends keyof Table> = Table[K]['owner'] extends 'partner'
  ? PartnerFolder
  : Table[K]['owner'] extends 'grant'
    ? GrantFolder
    : Repository;

/** One visitor per record kind, named by the kinds table's `item`. */
export type RecordVisitors = {
  [K in keyof Table as Table[K]['item']]?: (item: Item<RecordOf<K>>, owner: OwnerOf<K>) => void;
};

export type Visitors = RecordVisitors & {
  partnerFolder?(partner: PartnerFolder): void;
  grantFolder?(grant: GrantFolder): void;
  repository?(repo: Repository): void;
  /** Called once after every record was visited, for rules that compare what they collected. */
  end?(): void;
};

export interface Rule<M extends string = string, Id extends string = string> {
  meta: RuleMeta<M, Id>;
  create(context: RuleContext<M>): Visitors;
}

/** Declares a rule; the message ids of `report` are checked against `meta.messages`. */
export function defineRule<const Id extends string, const M extends string>(rule: Rule<M, Id>): Rule<M, Id> {
  return rule;
}

/**
 * A message with its {{placeholders}} filled in, and its hint after it: after
 * a semicolon, or, when the message ends a sentence ("… no partner lists." or
 * "… Did you mean 'x'?"), as a sentence of its own, never "lists.; name …".
 */
export function formatMessage(message: Message, data: Record<string, string | number> = {}): string {
  const text = fill(message.text, data);
  if (message.hint === undefined) return text;
  const hint = fill(message.hint, data);
  if (!/[.?!]$/.test(text)) return `${text}; ${hint}`;
  return `${text} ${hint.charAt(0).toUpperCase()}${hint.slice(1)}${/[.?!]$/.test(hint) ? '' : '.'}`;
}

/**
 * A message with its {{placeholders}} replaced by `data` (one left as
 * {{name}} when data lacks it). Each message is split at its placeholders
 * once: validate fills the same few messages for thousands of findings.
 */
function fill(template: string, data: Record<string, string | number>): string {
  let parts = TEMPLATES.get(template);
  if (!parts) {
    // Even indexes: text; odd indexes: placeholder names.
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    TEMPLATES.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in data ? String(data[name]) : `{{${name}}}`) + parts[i + 1];
  }
  return out;
}

const TEMPLATES = new Map<string, string[]>();

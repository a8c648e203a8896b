/**
 * `npm run import -- cloud-costs|usage FILE.csv`: monthly cloud bills or
 * active users, merged into each partner's file as one entry per hub and
 * month. Importing the same file again changes nothing; a row that changes a
 * value updates it; a bad row stops the whole import, naming its line.
 *
 * Real cloud exports split one hub's month into several line items, so
 * cloud-cost rows of the same hub, month and currency are summed. Two
 * active-user counts for one hub and month contradict each other: the file
 * is refused.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { amountProblem } from '../check/amount.js';
import { MINOR_UNITS } from '../money/currency.js';
import { Decimal, dec, sum } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import type { Repository } from '../model/repository.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { money } from './new-records.js';
import { monthlyActiveUsers } from './prometheus.js';
import type { YamlEditor } from './yaml-editor.js';

export const IMPORT_COLUMNS = {
  'cloud-costs': ['month', 'hub', 'amount', 'currency'],
  usage: ['month', 'hub', 'active_users'],
} as const;
export type ImportKind = keyof typeof IMPORT_COLUMNS;

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries made of several rows: "uni-north-main 2026-10 (lines 3, 7)". */
  summed: string[];
  /** What names no hub of any partner (Prometheus namespaces), so was left out. */
  skipped: string[];
}

interface Row {
  line: number;
  row: Record<string, string>;
}

/** The rows of one hub and month, and the entry they make. */
interface Entry {
  partner: string;
  hub: string;
  month: string;
  lines: number[];
  value:
    | { month: string; hub: string; active_users: number }
    | { month: string; hub: string; amount: ReturnType<typeof money>; currency: string };
  amount?: Decimal;
}

export async function importCsv(changes: ChangeSet, kind: ImportKind, file: string): Promise<ImportSummary> {
  const rows = readRows(file, IMPORT_COLUMNS[kind]);
  const { repo } = await changes.current();
  const owner = new Map(repo.partners.flatMap((p) => (p.profile?.value.hubs ?? []).map((h) => [h.id, p.id] as const)));
  const errors: string[] = [];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const problem = rowProblem(kind, r.row, owner);
    if (problem) {
      errors.push(`${file} line ${r.line}: ${problem}`);
      continue;
    }
    const key = `${r.row.hub} ${r.row.month}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const entries: Entry[] = [];
  for (const group of groups.values()) {
    const entry = toEntry(kind, group, owner, file);
    if (typeof entry === 'string') errors.push(entry);
    else entries.push(entry);
  }
  if (errors.length) throw new EditRefused(`nothing was imported:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  return merge(changes, kind, entries, repo);
}

/**
 * `npm run import -- usage --prometheus URL --month YYYY-MM`: each hub's
 * monthly active users from Prometheus. A namespace maps to the hub whose
 * `namespace` it is, or else to the hub of that id; other namespaces are
 * skipped and named.
 */
export async function importPrometheusUsage(changes: ChangeSet, server: string, month: string): Promise<ImportSummary> {
  const counts = await monthlyActiveUsers(server, month);
  const { repo } = await changes.current();
  const hubs = new Map(
    repo.partners.flatMap((p) =>
      (p.profile?.value.hubs ?? []).map((h) => [h.namespace ?? h.id, [p.id, h.id]] as const),
    ),
  );
  const entries: Entry[] = [];
  const skipped: string[] = [];
  for (const { namespace, users } of counts) {
    const found = hubs.get(namespace);
    if (!found) skipped.push(namespace);
    else {
      const [partner, hub] = found;
      entries.push({ partner, hub, month, lines: [], value: { month, hub, active_users: users } });
    }
  }
  return { ...merge(changes, 'usage', entries, repo), skipped };
}

/** Adds or updates each entry in its partner's file; an entry already there as it is changes nothing. */
function merge(changes: ChangeSet, kind: ImportKind, entries: Entry[], repo: Repository): ImportSummary {
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, summed: [], skipped: [] };
  const partners = [...new Set(entries.map((e) => e.partner))].sort();
  for (const partner of partners) {
    const path = `partners/${partner}/${kind}.yaml`;
    const existing = repo.partners.find((p) => p.id === partner)![kind === 'usage' ? 'usage' : 'cloudCosts'];
    const index = new Map<string, { at: number; value: Record<string, unknown> }>(
      existing.map((item) => [
        `${item.value.hub} ${item.value.month}`,
        { at: Number(item.pointer.slice(1)), value: item.value },
      ]),
    );
    const edits: ((e: YamlEditor) => void)[] = [];
    for (const entry of entries.filter((e) => e.partner === partner)) {
      if (entry.lines.length > 1) summary.summed.push(`${entry.hub} ${entry.month} (lines ${entry.lines.join(', ')})`);
      const found = index.get(`${entry.hub} ${entry.month}`);
      if (!found) {
        edits.push((e) => e.append([], entry.value));
        summary.added++;
        continue;
      }
      const value = entry.value as Record<string, unknown>;
      const fields = kind === 'usage' ? ['active_users'] : ['amount', 'currency'];
      const differs = fields.filter((f) =>
        f === 'amount'
          ? !dec(Number(found.value.amount)).equals(entry.amount!)
          : String(found.value[f]) !== String(value[f]),
      );
      if (differs.length === 0) {
        summary.unchanged++;
        continue;
      }
      edits.push((e) => differs.forEach((f) => e.set([found.at, f], value[f])));
      summary.updated++;
    }
    if (edits.length) changes.edit(path, (e) => edits.forEach((apply) => apply(e)));
  }
  return summary;
}

/** The data rows with the line each starts on; a file with no rows is refused, not "nothing to change". */
function readRows(file: string, expected: readonly string[]): Row[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(file, 'utf8'), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as typeof records;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new EditRefused(`${file} does not exist`);
    throw new EditRefused(`${file} cannot be read as CSV: ${err.message}`);
  }
  if (records.length === 0) {
    throw new EditRefused(
      `${file} has no rows to import (it is empty or holds only a header); expected the columns ` +
        `${expected.join(', ')} and one row per hub and month`,
    );
  }
  const header = Object.keys(records[0].record);
  if (header.length !== expected.length || expected.some((c) => !header.includes(c))) {
    throw new EditRefused(`${file}: the columns must be ${expected.join(', ')} (found ${header.join(', ')})`);
  }
  // info.lines is the line a record ends on; these records are one line each unless a quoted value spans lines.
  return records.map(({ record, info }) => ({ line: info.lines, row: record }));
}

function toEntry(kind: ImportKind, group: Row[], owner: Map<string, string>, file: string): Entry | string {
  const { hub, month } = group[0].row;
  const lines = group.map((r) => r.line);
  const base = { partner: owner.get(hub)!, hub, month, lines };
  if (kind === 'usage') {
    const counts = new Set(group.map((r) => Number(r.row.active_users)));
    if (group.length > 1) {
      return (
        `${file} lines ${lines.join(' and ')}: hub '${hub}' has ${group.length} active-user counts for ` +
        `${month} (${group.map((r) => r.row.active_users).join(' and ')}); a month has one count per hub, so ` +
        `keep the right row and remove the other${
          counts.size === 1 ? ' (they agree, but one of them is a ' + 'repeat)' : ''
        }`
      );
    }
    return { ...base, value: { month, hub, active_users: Number(group[0].row.active_users) } };
  }
  const currencies = [...new Set(group.map((r) => r.row.currency))];
  if (currencies.length > 1) {
    return (
      `${file} lines ${lines.join(' and ')}: hub '${hub}' has costs for ${month} in ` +
      `${currencies.join(' and ')}; one month of a hub is recorded in one currency, so convert them to one ` +
      `before importing`
    );
  }
  const amount = sum(group.map((r) => dec(r.row.amount)));
  return {
    ...base,
    amount,
    value: { month, hub, amount: money(amount.toString(), currencies[0]), currency: currencies[0] },
  };
}

function rowProblem(kind: ImportKind, row: Record<string, string>, owner: Map<string, string>): string | undefined {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(row.month)) return `month '${row.month}' is not a month written YYYY-MM`;
  if (!owner.has(row.hub))
    return `hub '${row.hub}' is not a hub of any partner (hubs are listed in each partners/<id>/partner.md)`;
  if (kind === 'usage')
    return /^\d+$/.test(row.active_users) ? undefined : `active_users '${row.active_users}' is not a whole number`;
  if (!(row.currency in MINOR_UNITS)) return `currency '${row.currency}' is not a currency code such as USD or CAD`;
  const problem = amountProblem(row.amount, 'cloud-cost', row.currency as Currency);
  return problem && `amount '${row.amount}': ${problem}`;
}

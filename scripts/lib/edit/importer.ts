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
import { amountProblem } from '../check/amount.js';
import { MINOR_UNITS } from '../money/currency.js';
import { Decimal, dec, sum } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import type { Repository } from '../model/repository.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { exportFormatOf } from './cloud-import.js';
import { noChangesYet, type ImportSummary } from './import-summary.js';
import { located, readRows, readTable, refuseIf, type Row, type RowProblem, type Rows } from './csv.js';
import { money } from './new-records.js';
import { monthlyActiveUsers } from './prometheus.js';
import type { YamlEditor } from './yaml-editor.js';
import { pushTo } from '../collections.js';

export const IMPORT_COLUMNS = {
  'cloud-costs': ['month', 'hub', 'amount', 'currency'],
  usage: ['month', 'hub', 'active_users'],
} as const;
export type ImportKind = keyof typeof IMPORT_COLUMNS;

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
  const csv = readSimple(file, kind);
  const { repo } = await changes.current();
  return merge(changes, kind, entriesOf(kind, csv, repo, rowProblem), repo);
}

/**
 * The simple CSV's rows; a cloud provider's own export given without
 * `--format` is refused with the `--format` that reads it.
 */
function readSimple(file: string, kind: ImportKind): Rows {
  try {
    return readRows(file, IMPORT_COLUMNS[kind]);
  } catch (e) {
    const format =
      kind === 'cloud-costs' && e instanceof EditRefused ? exportFormatOf(readTable(file, '').header) : undefined;
    if (!format) throw e;
    throw new EditRefused(
      `${file} looks like ${format === 'gcp' ? "GCP's billing export" : 'an AWS bill (a CUR or Cost Explorer CSV)'}, ` +
        `not the simple ${IMPORT_COLUMNS[kind].join(',')} CSV: import it with ` +
        `npm run import -- cloud-costs ${file} --format ${format}`,
    );
  }
}

/** The rows grouped into one entry per hub and month; every faulty row or group is named, and none imported. */
function entriesOf(
  kind: ImportKind,
  csv: Rows,
  repo: Repository,
  problemOf?: (kind: ImportKind, row: Record<string, string>, owner: Map<string, string>) => RowProblem | undefined,
  errors: string[] = [],
): Entry[] {
  const { file, rows } = csv;
  const owner = new Map(repo.partners.flatMap((p) => (p.profile?.value.hubs ?? []).map((h) => [h.id, p.id] as const)));
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const problem = problemOf?.(kind, r.row, owner);
    if (problem) {
      errors.push(located(csv, r.line, problem));
      continue;
    }
    pushTo(groups, `${r.row.hub} ${r.row.month}`, r);
  }
  const entries: Entry[] = [];
  for (const group of groups.values()) {
    const entry = toEntry(kind, group, owner, file);
    if (typeof entry === 'string') errors.push(entry);
    else entries.push(entry);
  }
  refuseIf(errors);
  return entries;
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
  const summary = noChangesYet();
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
  const total = sum(group.map((r) => dec(r.row.amount)));
  if (total.isNegative())
    return (
      `${file} lines ${lines.join(', ')}: hub '${hub}' comes to ${total.toString()} ${currencies[0]} in ${month}; ` +
      'credits larger than the costs are not a cost: check the export'
    );
  // Exports carry many decimals: rounded to the currency's minor unit once, after summing.
  const amount = money(total.toString(), currencies[0]);
  return { ...base, amount: dec(amount.text), value: { month, hub, amount, currency: currencies[0] } };
}

function rowProblem(kind: ImportKind, row: Record<string, string>, owner: Map<string, string>): RowProblem | undefined {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(row.month))
    return ['month', `month '${row.month}' is not a month written YYYY-MM`];
  if (!owner.has(row.hub))
    return ['hub', `hub '${row.hub}' is not a hub of any partner (hubs are listed in each partners/<id>/partner.md)`];
  if (kind === 'usage')
    return /^\d+$/.test(row.active_users)
      ? undefined
      : ['active_users', `active_users '${row.active_users}' is not a whole number`];
  if (!(row.currency in MINOR_UNITS))
    return ['currency', `currency '${row.currency}' is not a currency code such as USD or CAD`];
  const problem = amountProblem(row.amount, 'cloud-cost', row.currency as Currency);
  return problem ? ['amount', `amount '${row.amount}': ${problem}`] : undefined;
}

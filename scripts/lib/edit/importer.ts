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
import type { ChangeSet } from './changeset.js';
import { located, readRows, refuseIf, type Row, type RowProblem, type Rows } from './csv.js';
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
  /** Billing-export rows that map to no hub, summed: money nobody recovers. */
  unattributed: string[];
  /** Unattributed sums recorded before that this export attributes to hubs (set to 0). */
  nowAttributed: string[];
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
  const csv = readRows(file, IMPORT_COLUMNS[kind]);
  const { repo } = await changes.current();
  return merge(changes, kind, entriesOf(kind, csv, repo, rowProblem), repo);
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
    const key = `${r.row.hub} ${r.row.month}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
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
  const summary: ImportSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    summed: [],
    skipped: [],
    unattributed: [],
    nowAttributed: [],
  };
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

/** The columns read from each cloud provider's billing export (others are ignored), as lowercased headings. */
export const EXPORT_COLUMNS = {
  gcp: { account: 'project.id', start: 'usage_start_time', cost: 'cost', currency: 'currency', labels: 'labels' },
  aws: {
    account: 'lineitem/usageaccountid',
    start: 'lineitem/usagestartdate',
    cost: 'lineitem/unblendedcost',
    currency: 'lineitem/currencycode',
    tag: 'resourcetags/user:hub-name',
  },
} as const;
export type CloudExport = keyof typeof EXPORT_COLUMNS;

/** The label or tag that names a row's hub in a billing export. */
export const HUB_TAG = 'hub-name';

/** Where billing-export rows of no hub are kept (one entry per month, provider, account, tag and currency). */
export const UNATTRIBUTED_FILE = 'costs/unattributed-cloud.yaml';

/** Billing-export rows of no hub, summed per month, project or account, tag and currency. */
interface Unattributed {
  value: { month: string; provider: CloudExport; account: string; tag?: string; currency: string };
  /** The rows' sum, rounded to the currency's minor unit once. */
  amount?: ReturnType<typeof money>;
  total: Decimal;
  lines: number[];
}

/**
 * `npm run import -- cloud-costs FILE.csv --format gcp|aws`: a cloud billing
 * export, each row mapped to a hub through the partners' `hubs[].billing`:
 * its `hub-name` label or tag equal to the hub's `billing.tag` (default: the
 * hub id), or else its GCP project or AWS account being the `gcp_project` or
 * `aws_account` of exactly one hub. Rows are summed per hub and month (of the
 * usage start, UTC) with credits as negative rows; the sum is rounded to the
 * currency's minor unit once. Rows that map to no hub are summed per month,
 * project or account, tag and currency into costs/unattributed-cloud.yaml.
 */
export async function importCloudExport(changes: ChangeSet, format: CloudExport, file: string): Promise<ImportSummary> {
  const columns: Record<string, string> = EXPORT_COLUMNS[format];
  const csv = readRows(file, Object.values(columns), { extraColumns: true });
  const { repo } = await changes.current();
  const hubs = repo.partners.flatMap((p) => p.profile?.value.hubs ?? []);
  const byTag = new Map(hubs.map((h) => [h.billing?.tag ?? h.id, h.id]));
  const accountOf = (h: (typeof hubs)[number]) => (format === 'gcp' ? h.billing?.gcp_project : h.billing?.aws_account);
  const errors: string[] = [];
  const mapped: Row[] = [];
  const months = new Set<string>();
  const unattributed = new Map<string, Unattributed>();
  for (const { line, row } of csv.rows) {
    const month = /^(\d{4}-\d{2})-\d{2}/.exec(row[columns.start])?.[1];
    const cost = row[columns.cost];
    const currency = row[columns.currency];
    const problem: RowProblem | undefined = !month
      ? [columns.start, `the usage start '${row[columns.start]}' is not a date`]
      : !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cost)
        ? [columns.cost, `the cost '${cost}' is not a number`]
        : !(currency in MINOR_UNITS)
          ? [columns.currency, `currency '${currency}' is not a currency code such as USD or CAD`]
          : undefined;
    if (problem) {
      errors.push(located(csv, line, problem));
      continue;
    }
    months.add(month!);
    const tag = (format === 'gcp' ? labelOf(row[columns.labels], HUB_TAG) : row[columns.tag]) || undefined;
    const account = row[columns.account] || '(none)';
    const byAccount = hubs.filter((h) => accountOf(h) === account);
    const hub = (tag && byTag.get(tag)) || (byAccount.length === 1 ? byAccount[0].id : undefined);
    if (hub) {
      mapped.push({ line, row: { month: month!, hub, amount: cost, currency } });
      continue;
    }
    const key = unattributedKey({ month: month!, provider: format, account, tag, currency });
    const u = unattributed.get(key) ?? {
      value: { month: month!, provider: format, account, ...(tag && { tag }), currency },
      total: dec(0),
      lines: [],
    };
    u.total = u.total.plus(dec(cost));
    u.lines.push(line);
    unattributed.set(key, u);
  }
  const entries = entriesOf('cloud-costs', { ...csv, rows: mapped }, repo, undefined, errors);
  const summary = merge(changes, 'cloud-costs', entries, repo);
  summary.unattributed = [...unattributed.values()].map((u) => {
    const { month, account, tag, currency } = u.value;
    const where = `${format === 'gcp' ? 'project' : 'account'} ${account}${tag ? ` tag ${tag}` : ''}`;
    u.amount = money(u.total.toString(), currency);
    return `${month} ${where}: ${u.amount.text} ${currency} (lines ${u.lines.join(', ')})`;
  });
  mergeUnattributed(changes, repo, format, months, unattributed, summary);
  return summary;
}

function unattributedKey(u: { month: string; provider: string; account: string; tag?: string; currency: string }) {
  return [u.month, u.provider, u.account, u.tag ?? '', u.currency].join(' ');
}

/**
 * The export is the whole bill of each month it covers: for those months and
 * this provider, each unattributed sum is added or updated, and one recorded
 * before that the export no longer has (its rows now map to a hub) is set to
 * 0 rather than removed, so the file keeps its history and comments.
 */
function mergeUnattributed(
  changes: ChangeSet,
  repo: Repository,
  provider: CloudExport,
  months: Set<string>,
  found: Map<string, Unattributed>,
  summary: ImportSummary,
): void {
  const recorded = new Map(repo.unattributedCloudCosts.map((item) => [unattributedKey(item.value), item]));
  const edits: ((e: YamlEditor) => void)[] = [];
  for (const [key, u] of found) {
    const item = recorded.get(key);
    const { currency, ...where } = u.value;
    if (!item) {
      edits.push((e) => e.append([], { ...where, amount: u.amount, currency }));
      summary.added++;
    } else if (!dec(item.value.amount).equals(dec(u.amount!.text))) {
      edits.push((e) => e.set([Number(item.pointer.slice(1)), 'amount'], u.amount));
      summary.updated++;
    } else summary.unchanged++;
  }
  for (const [key, item] of recorded) {
    const { value } = item;
    if (value.provider !== provider || !months.has(value.month) || found.has(key) || value.amount === 0) continue;
    edits.push((e) => e.set([Number(item.pointer.slice(1)), 'amount'], 0));
    summary.updated++;
    summary.nowAttributed.push(`${value.month} ${value.account}${value.tag ? ` tag ${value.tag}` : ''}`);
  }
  if (edits.length) changes.edit(UNATTRIBUTED_FILE, (e) => edits.forEach((apply) => apply(e)));
}

/** The value of `key` in a BigQuery export's labels column: a JSON list of { key, value }. */
function labelOf(labels: string | undefined, key: string): string | undefined {
  if (!labels) return undefined;
  try {
    const list = JSON.parse(labels) as unknown;
    if (!Array.isArray(list)) return undefined;
    const found = (list as { key?: unknown; value?: unknown }[]).find((l) => l.key === key)?.value;
    return typeof found === 'string' ? found : undefined;
  } catch {
    return undefined;
  }
}

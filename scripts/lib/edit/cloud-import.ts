/**
 * `npm run import -- cloud-costs FILE.csv --format gcp|aws`: a cloud billing
 * export, each line of cost mapped to a hub through the partners'
 * `hubs[].billing` — its `hub-name` label or tag equal to the hub's
 * `billing.tag` (default: the hub id), or else its GCP project or AWS account
 * being the `gcp_project` or `aws_account` of exactly one hub — and summed
 * per hub, month and billing account, rounded to the currency's minor unit
 * once. Lines of no hub are summed per month, billing account, project or
 * account, tag and currency into costs/unattributed-cloud.yaml.
 *
 * An export is the whole bill of each (billing account, month) it holds, and
 * of nothing else: the entries of those accounts and months are replaced (one
 * the export no longer has is set to 0, keeping the file's history and
 * comments), every other account's and month's are left as they are.
 */
import { dec, sum } from '../money/decimal.js';
import type { Item, Repository } from '../model/repository.js';
import { CUR_HEADINGS, isCostExplorer, readAws } from './aws.js';
import type { ChangeSet } from './changeset.js';
import { HUB_TAG, looksLike, rowsText, type Bill, type BillLine, type CloudProvider } from './cloud-bill.js';
import { readTable, refuseIf, type Rows } from './csv.js';
import { GCP_HEADINGS, readGcp } from './gcp.js';
import type { ImportSummary } from './importer.js';
import { money } from './new-records.js';
import type { YamlEditor } from './yaml-editor.js';

export { HUB_TAG };

/** Where billing-export lines of no hub are kept. */
export const UNATTRIBUTED_FILE = 'costs/unattributed-cloud.yaml';

export interface CloudSummary extends ImportSummary {
  /** What the file was taken for, e.g. "an AWS Cost Explorer export". */
  source: string;
  rows: number;
  /** Rows that are no bill (Cost Explorer's total row). */
  totalRows: number;
  /** Entries of an imported account and month the export no longer has, set to 0 (not now a hub's). */
  zeroed: string[];
}

/** The lines of one hub (or of no hub), month and billing account, and what they come to. */
interface Group {
  month: string;
  billingAccount?: string;
  lines: BillLine[];
}

type Where = Pick<BillLine, 'month' | 'billingAccount' | 'account' | 'tag' | 'currency'>;

/** Which `--format` reads a file of these headings, when they are a cloud provider's own. */
export function exportFormatOf(header: string[]): CloudProvider | undefined {
  if (looksLike(header, GCP_HEADINGS)) return 'gcp';
  const table: Rows = { file: '', header, rows: [] };
  return looksLike(header, CUR_HEADINGS) || isCostExplorer(table) ? 'aws' : undefined;
}

export async function importCloudExport(
  changes: ChangeSet,
  format: CloudProvider,
  file: string,
): Promise<CloudSummary> {
  const csv = readTable(
    file,
    `expected ${format === 'gcp' ? "GCP's billing export" : 'an AWS CUR or Cost Explorer'} CSV`,
  );
  const bill = format === 'gcp' ? readGcp(csv) : readAws(csv);
  refuseIf(bill.errors);
  const { repo } = await changes.current();
  const hubOf = hubFinder(repo, format);
  const byHub = new Map<string, Group & { hub: string; partner: string }>();
  const byWhere = new Map<string, Group & { where: Where }>();
  for (const line of bill.lines) {
    const found = hubOf(line);
    const key = found ? `${found.hub} ${line.month} ${line.billingAccount ?? ''}` : whereKey(format, line);
    const group = found
      ? (byHub.get(key) ?? { ...found, month: line.month, billingAccount: line.billingAccount, lines: [] })
      : (byWhere.get(key) ?? { month: line.month, billingAccount: line.billingAccount, where: line, lines: [] });
    group.lines.push(line);
    if (found) byHub.set(key, group as Group & { hub: string; partner: string });
    else byWhere.set(key, group as Group & { where: Where });
  }
  const errors: string[] = [];
  const hubEntries = [...byHub.values()].flatMap((g) => {
    const total = totalOf(file, g, `hub '${g.hub}'`, errors);
    return total ? [{ ...g, ...total }] : [];
  });
  refuseIf(errors);
  const summary: CloudSummary = {
    source: bill.source,
    rows: csv.rows.length,
    totalRows: bill.skipped,
    added: 0,
    updated: 0,
    unchanged: 0,
    summed: [],
    skipped: [],
    unattributed: [],
    nowAttributed: [],
    zeroed: [],
  };
  const scope = new Scope(bill);
  mergeHubs(changes, repo, hubEntries, scope, summary);
  mergeUnattributed(changes, repo, format, [...byWhere.values()], scope, summary);
  return summary;
}

/** The (billing account, month) pairs an export is the whole bill of. */
class Scope {
  private readonly pairs = new Set<string>();
  /** Projects or accounts seen per month, for entries recorded before billing accounts were. */
  private readonly seen = new Set<string>();
  /** Whether the export holds several billing accounts (the summary then names each row's). */
  readonly several: boolean;

  constructor(bill: Bill) {
    for (const l of bill.lines) {
      this.pairs.add(`${l.billingAccount ?? ''} ${l.month}`);
      this.seen.add(`${l.month} ${l.account}`);
    }
    for (const month of bill.months ?? []) this.pairs.add(` ${month}`);
    this.several = new Set(bill.lines.map((l) => l.billingAccount)).size > 1;
  }

  has(month: string, billingAccount: string | undefined): boolean {
    return this.pairs.has(`${billingAccount ?? ''} ${month}`);
  }

  /** Whether the export bills this project or account in `month` (so an entry of it that is gone went to a hub). */
  billed(month: string, account: string): boolean {
    return this.seen.has(`${month} ${account}`);
  }

  /** An entry without a billing account is this export's when its project or account is in it that month. */
  holdsUnattributed(v: { month: string; billing_account?: string; account: string }): boolean {
    return this.has(v.month, v.billing_account) || (!v.billing_account && this.seen.has(`${v.month} ${v.account}`));
  }
}

function hubFinder(repo: Repository, format: CloudProvider) {
  const hubs = repo.partners.flatMap((p) => (p.profile?.value.hubs ?? []).map((h) => ({ partner: p.id, hub: h })));
  const byTag = new Map(hubs.map((h) => [h.hub.billing?.tag ?? h.hub.id, h]));
  const byAccount = new Map<string, typeof hubs>();
  for (const h of hubs) {
    const account = format === 'gcp' ? h.hub.billing?.gcp_project : h.hub.billing?.aws_account;
    if (account) byAccount.set(account, [...(byAccount.get(account) ?? []), h]);
  }
  return (line: BillLine): { hub: string; partner: string } | undefined => {
    const onAccount = byAccount.get(line.account) ?? [];
    const found = (line.tag && byTag.get(line.tag)) || (onAccount.length === 1 ? onAccount[0] : undefined);
    return found && { hub: found.hub.id, partner: found.partner };
  };
}

/** The group's one currency and its sum, rounded once; a fault (two currencies, below zero) goes to `errors`. */
function totalOf(file: string, g: Group, who: string, errors: string[]) {
  const lines = g.lines.map((l) => l.line);
  const currencies = [...new Set(g.lines.map((l) => l.currency))].sort();
  const account = g.billingAccount ? ` (billing account ${g.billingAccount})` : '';
  if (currencies.length > 1) {
    errors.push(
      `${file} ${rowsText(lines)}: ${who} has costs for ${g.month}${account} in ${currencies.join(' and ')}; ` +
        'one billing account bills in one currency, so check the export',
    );
    return undefined;
  }
  const total = sum(g.lines.map((l) => l.cost));
  if (total.isNegative()) {
    errors.push(
      `${file} ${rowsText(lines)}: ${who} comes to ${total.toString()} ${currencies[0]} in ${g.month}${account}; ` +
        'credits larger than the costs are not a cost: check the export',
    );
    return undefined;
  }
  return { currency: currencies[0], total, amount: money(total.toString(), currencies[0]) };
}

interface HubEntry extends Group {
  hub: string;
  partner: string;
  currency: string;
  amount: ReturnType<typeof money>;
}

type CloudCost = Repository['partners'][number]['cloudCosts'][number];

/**
 * Each hub entry added, updated, or already there. An entry recorded before
 * billing accounts were (or by hand) for the hub and month is taken over by
 * the first account that bills it, rather than counted a second time.
 */
function mergeHubs(
  changes: ChangeSet,
  repo: Repository,
  entries: HubEntry[],
  scope: Scope,
  summary: CloudSummary,
): void {
  for (const partner of [...new Set(entries.map((e) => e.partner))].sort()) {
    const recorded = repo.partners.find((p) => p.id === partner)!.cloudCosts;
    const matched = new Set<CloudCost>();
    const edits: ((e: YamlEditor) => void)[] = [];
    const mine = entries.filter((e) => e.partner === partner);
    const key = (e: { hub: string; month: string }) => `${e.hub} ${e.month}`;
    const take = (e: HubEntry, exact: boolean) =>
      recorded.find(
        (r) =>
          !matched.has(r) &&
          key(r.value) === key(e) &&
          (exact ? r.value.billing_account === e.billingAccount : r.value.billing_account === undefined),
      );
    // Exact matches first, so a hub's entry of one account is never taken over by another account's.
    const found = new Map(mine.map((e) => [e, take(e, true)] as const));
    for (const [, r] of found) if (r) matched.add(r);
    for (const e of mine) {
      const account = scope.several ? accountText(e) : '';
      if (e.lines.length > 1) summary.summed.push(`${e.hub} ${e.month}${account} (${rowsText(lines(e))})`);
      const item = found.get(e) ?? (e.billingAccount ? take(e, false) : undefined);
      if (!item) {
        const value = {
          month: e.month,
          hub: e.hub,
          billing_account: e.billingAccount,
          amount: e.amount,
          currency: e.currency,
        };
        edits.push((y) => y.append([], value));
        summary.added++;
        continue;
      }
      matched.add(item);
      const at = index(item);
      const changed: [string, unknown][] = [];
      if (item.value.billing_account !== e.billingAccount) changed.push(['billing_account', e.billingAccount]);
      if (!dec(item.value.amount).equals(dec(e.amount.text))) changed.push(['amount', e.amount]);
      if (item.value.currency !== e.currency) changed.push(['currency', e.currency]);
      if (changed.length === 0) summary.unchanged++;
      else {
        edits.push((y) => changed.forEach(([f, v]) => y.set([at, f], v)));
        summary.updated++;
      }
    }
    for (const item of recorded) {
      const v = item.value;
      if (matched.has(item) || !v.billing_account || !scope.has(v.month, v.billing_account) || v.amount === 0) continue;
      edits.push((y) => y.set([index(item), 'amount'], 0));
      summary.updated++;
      summary.zeroed.push(`${v.hub} ${v.month} (billing account ${v.billing_account})`);
    }
    if (edits.length) changes.edit(`partners/${partner}/cloud-costs.yaml`, (y) => edits.forEach((apply) => apply(y)));
  }
}

const lines = (g: Group) => g.lines.map((l) => l.line);
const index = (item: Item<unknown>) => Number(item.pointer.slice(1));
const accountText = (g: { billingAccount?: string }) =>
  g.billingAccount ? ` (billing account ${g.billingAccount})` : '';

function whereKey(provider: string, w: Where & { billing_account?: string }): string {
  return [w.month, provider, w.billingAccount ?? w.billing_account ?? '', w.account, w.tag ?? '', w.currency].join(' ');
}

type UnattributedItem = Repository['unattributedCloudCosts'][number];

/**
 * Each unattributed sum added, updated or already there; one recorded for an
 * imported (billing account, month) that the export no longer has is set to
 * 0 — "now attributed" when its project or account now maps to a hub.
 */
function mergeUnattributed(
  changes: ChangeSet,
  repo: Repository,
  provider: CloudProvider,
  groups: (Group & { where: Where })[],
  scope: Scope,
  summary: CloudSummary,
): void {
  const recorded = repo.unattributedCloudCosts;
  const keyOf = (v: UnattributedItem['value'], withAccount = true) =>
    whereKey(v.provider, { ...v, billingAccount: withAccount ? v.billing_account : undefined });
  const exact = new Map(recorded.map((item) => [keyOf(item.value), item]));
  const legacy = new Map(
    recorded.filter((item) => !item.value.billing_account).map((item) => [keyOf(item.value, false), item]),
  );
  const matched = new Set<UnattributedItem>();
  const edits: ((e: YamlEditor) => void)[] = [];
  const errors: string[] = [];
  for (const g of groups) {
    const { month, billingAccount, account, tag, currency } = g.where;
    const total = totalOf(UNATTRIBUTED_FILE, g, `${provider === 'gcp' ? 'project' : 'account'} ${account}`, errors);
    if (!total) continue;
    const billedTo = scope.several && billingAccount !== account ? accountText(g) : '';
    const what = `${provider === 'gcp' ? 'project' : 'account'} ${account}${tag ? ` tag ${tag}` : ''}`;
    const where = `${month} ${what}${billedTo}`;
    summary.unattributed.push(`${where}: ${total.amount.text} ${currency} (${rowsText(lines(g))})`);
    const key = whereKey(provider, g.where);
    const item =
      exact.get(key) ??
      (billingAccount ? legacy.get(whereKey(provider, { ...g.where, billingAccount: undefined })) : undefined);
    if (!item || matched.has(item)) {
      const value = {
        month,
        provider,
        billing_account: billingAccount,
        account,
        ...(tag && { tag }),
        amount: total.amount,
        currency,
      };
      edits.push((e) => e.append([], value));
      summary.added++;
      continue;
    }
    matched.add(item);
    const changed: [string, unknown][] = [];
    if (item.value.billing_account !== billingAccount) changed.push(['billing_account', billingAccount]);
    if (!dec(item.value.amount).equals(dec(total.amount.text))) changed.push(['amount', total.amount]);
    if (changed.length === 0) summary.unchanged++;
    else {
      edits.push((e) => changed.forEach(([f, v]) => e.set([index(item), f], v)));
      summary.updated++;
    }
  }
  refuseIf(errors);
  for (const item of recorded) {
    const v = item.value;
    if (matched.has(item) || v.provider !== provider || v.amount === 0 || !scope.holdsUnattributed(v)) continue;
    edits.push((e) => e.set([index(item), 'amount'], 0));
    summary.updated++;
    const name = `${v.month} ${v.account}${v.tag ? ` tag ${v.tag}` : ''}`;
    if (scope.billed(v.month, v.account)) summary.nowAttributed.push(name);
    else summary.zeroed.push(`${name} (no longer in the export)`);
  }
  if (edits.length) changes.edit(UNATTRIBUTED_FILE, (e) => edits.forEach((apply) => apply(e)));
}

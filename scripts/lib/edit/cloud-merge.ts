/**
 * Writing an imported cloud bill into the files: each hub's entries in its
 * partner's cloud-costs.yaml, the lines of no hub in
 * costs/unattributed-cloud.yaml. An export is the whole bill of each
 * (billing account, month) it holds and of nothing else: the entries of
 * those are added, updated or — when the export no longer has them — set to
 * 0 (so the file keeps its history and comments); all others are left as
 * they are.
 */
import { dec } from '../money/decimal.js';
import type { Item, Repository } from '../model/repository.js';
import type { ChangeSet } from './changeset.js';
import { rowsText, type Bill, type BillLine, type CloudProvider } from './cloud-bill.js';
import type { ImportSummary } from './import-summary.js';
import type { money } from './new-records.js';
import type { YamlEditor } from './yaml-editor.js';

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
export interface Group {
  month: string;
  billingAccount?: string;
  lines: BillLine[];
}

export type Where = Pick<BillLine, 'month' | 'billingAccount' | 'account' | 'tag' | 'currency'>;

/** The (billing account, month) pairs an export is the whole bill of. */
export class Scope {
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

export interface HubEntry extends Group {
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
export function mergeHubs(
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

export function whereKey(provider: string, w: Where & { billing_account?: string }): string {
  return [w.month, provider, w.billingAccount ?? w.billing_account ?? '', w.account, w.tag ?? '', w.currency].join(' ');
}

export interface UnattributedEntry extends Group {
  where: Where;
  currency: string;
  amount: ReturnType<typeof money>;
}

type UnattributedItem = Repository['unattributedCloudCosts'][number];

/**
 * Each unattributed sum added, updated or already there; one recorded for an
 * imported (billing account, month) that the export no longer has is set to
 * 0 — "now attributed" when its project or account now maps to a hub.
 */
export function mergeUnattributed(
  changes: ChangeSet,
  repo: Repository,
  provider: CloudProvider,
  groups: UnattributedEntry[],
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
  for (const total of groups) {
    const g = total;
    const { month, billingAccount, account, tag, currency } = g.where;
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

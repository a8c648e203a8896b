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
import { sum } from '../money/decimal.js';
import type { Repository } from '../model/repository.js';
import { CUR_HEADINGS, isCostExplorer, readAws } from './aws.js';
import type { ChangeSet } from './changeset.js';
import { HUB_TAG, looksLike, rowsText, type BillLine, type CloudProvider } from './cloud-bill.js';
import {
  mergeHubs,
  mergeUnattributed,
  Scope,
  whereKey,
  type CloudSummary,
  type Group,
  type Where,
} from './cloud-merge.js';
import { readTable, refuseIf, type Rows } from './csv.js';
import { noChangesYet } from './import-summary.js';
import { GCP_HEADINGS, readGcp } from './gcp.js';
import { money } from './new-records.js';

export { HUB_TAG };
export type { CloudSummary };
export { UNATTRIBUTED_FILE } from './cloud-merge.js';

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
  const label = format === 'gcp' ? 'project' : 'account';
  const unattributed = [...byWhere.values()].flatMap((g) => {
    const total = totalOf(file, g, `${label} ${g.where.account}`, errors);
    return total ? [{ ...g, ...total }] : [];
  });
  refuseIf(errors);
  const summary: CloudSummary = {
    source: bill.source,
    rows: csv.rows.length,
    totalRows: bill.skipped,
    ...noChangesYet(),
    zeroed: [],
  };
  const scope = new Scope(bill);
  mergeHubs(changes, repo, hubEntries, scope, summary);
  mergeUnattributed(changes, repo, format, unattributed, scope, summary);
  return summary;
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

/**
 * `npm run import -- crm-deals FILE.csv`: a CRM's deals export kept as draft
 * contracts. A deal becomes (or updates) the draft contract whose
 * `crm_deal_id` is its Deal ID: its start, end, probability and one fee `deal`
 * of the deal's amount for the whole term. The CRM never signs anything: a
 * won deal stays a draft and is listed for a person to sign off; a signed
 * contract is never touched; a lost deal sets its draft's probability to 0.
 */
import { amountProblem } from '../check/amount.js';
import { COUNTRY_CURRENCY } from '../money/currency.js';
import { dec } from '../money/decimal.js';
import type { Contract } from '../model/records.js';
import { contractPath, type Item, type PartnerFolder, type Repository } from '../model/repository.js';
import { isIsoDate } from '../time/calendar.js';
import type { ChangeSet } from './changeset.js';
import { located, readRows, refuseIf, type Rows, type RowProblem } from './csv.js';
import { money } from './new-records.js';
import { partnerNamed, slugPart } from './partner-names.js';
import { flow, scalar } from './yaml-editor.js';

/** The CRM's own headings (lowercased when read); other columns are ignored. */
export const CRM_COLUMNS = {
  id: 'deal id',
  name: 'deal name',
  stage: 'deal stage',
  amount: 'amount',
  close: 'close date',
  start: 'contract start date',
  end: 'contract end date',
  probability: 'forecast probability',
  community: 'community',
} as const;

/** An optional column: the deal's currency (default: the currency of the partner's country, else the reporting one). */
const CURRENCY_COLUMN = 'currency';

/** The id of the fee a deal's amount is written to. */
const DEAL_FEE = 'deal';

export interface CrmSummary {
  added: string[];
  updated: string[];
  unchanged: number;
  /** "deal 1007 (Harbor renewal): why" */
  skipped: string[];
  /** Drafts of deals won in the CRM, for a person to sign: "coastal-tech-deal-1001 (closed 2026-10-02)". */
  toSignOff: string[];
}

interface Deal {
  line: number;
  id: string;
  name: string;
  outcome: 'won' | 'lost' | 'open';
  amount: string;
  close?: string;
  start?: string;
  end?: string;
  /** 0..100, whole. */
  probability: number;
  community: string;
  currency?: string;
}

export async function importCrmDeals(changes: ChangeSet, file: string): Promise<CrmSummary> {
  const csv = readRows(file, Object.values(CRM_COLUMNS), { extraColumns: true, oneRowPer: 'deal' });
  const { repo } = await changes.current();
  const deals = readDeals(csv);
  const summary: CrmSummary = { added: [], updated: [], unchanged: 0, skipped: [], toSignOff: [] };
  const byDeal = new Map<string, { partner: PartnerFolder; contract: Item<Contract> }>();
  for (const partner of repo.partners)
    for (const contract of partner.contracts)
      if (contract.value.crm_deal_id !== undefined) byDeal.set(contract.value.crm_deal_id, { partner, contract });
  for (const deal of deals) {
    const about = `deal ${deal.id} (${deal.name})`;
    const partner = partnerNamed(repo, deal.community);
    const existing = byDeal.get(deal.id);
    const skip = (why: string) => summary.skipped.push(`${about}: ${why}`);
    if (!partner) {
      skip(`no partner is named '${deal.community}'; add it with npm run new -- partner, or use its name or id`);
      continue;
    }
    if (existing && existing.partner !== partner) {
      skip(
        `its contract ${existing.contract.value.id} is ${existing.partner.id}'s, not ${partner.id}'s; move it by hand`,
      );
      continue;
    }
    if (existing && existing.contract.value.status !== 'draft') {
      skip(`contract ${existing.contract.value.id} is signed; the CRM does not change a signed contract`);
      continue;
    }
    if (!existing && deal.outcome === 'lost') {
      skip('lost, and no draft of it to close');
      continue;
    }
    if (!deal.start || !deal.end) {
      skip('the CRM has no contract start and end dates for it yet');
      continue;
    }
    if (deal.end < deal.start) {
      skip(`its contract end ${deal.end} is before its start ${deal.start}; correct it in the CRM`);
      continue;
    }
    const probability = deal.outcome === 'lost' ? 0 : deal.probability;
    if (existing) {
      const changed = updateDraft(changes, existing.contract, { ...deal, probability });
      if (changed) summary.updated.push(`${existing.contract.value.id} (${changed})`);
      else summary.unchanged++;
    } else {
      const id = createDraft(changes, repo, partner, { ...deal, probability });
      summary.added.push(id);
    }
    if (deal.outcome === 'won') {
      const id = existing?.contract.value.id ?? draftId(partner, deal);
      summary.toSignOff.push(`${id}${deal.close ? ` (closed ${deal.close})` : ''}`);
    }
  }
  return summary;
}

/** The rows as deals; every row that cannot be read is named at its cell, and nothing is imported. */
function readDeals(csv: Rows): Deal[] {
  const errors: string[] = [];
  const rows = csv.rows.map(({ line, row }) => ({ line, row, problem: dealProblem(row) }));
  for (const { line, problem } of rows) if (problem) errors.push(located(csv, line, problem));
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const id = row[CRM_COLUMNS.id];
    const first = seen.get(id);
    if (first !== undefined)
      errors.push(
        located(csv, line, [CRM_COLUMNS.id, `deal ${id} is already on line ${first}; keep one row per deal`]),
      );
    else seen.set(id, line);
  }
  refuseIf(errors);
  // Forecast probabilities are fractions (0..1) when every one in the file is at most 1, else percentages.
  const values = rows.map(({ row }) => Number(row[CRM_COLUMNS.probability] || 0));
  const scale = values.every((v) => v <= 1) ? 100 : 1;
  return rows.map(({ line, row }) => {
    const stage = row[CRM_COLUMNS.stage];
    return {
      line,
      id: row[CRM_COLUMNS.id],
      name: row[CRM_COLUMNS.name] || '(no name)',
      outcome: /\blost\b|closedlost/i.test(stage) ? 'lost' : /\bwon\b|closedwon/i.test(stage) ? 'won' : 'open',
      amount: row[CRM_COLUMNS.amount],
      close: dateOf(row[CRM_COLUMNS.close]),
      start: dateOf(row[CRM_COLUMNS.start]),
      end: dateOf(row[CRM_COLUMNS.end]),
      probability: Math.round(Number(row[CRM_COLUMNS.probability] || 0) * scale),
      community: row[CRM_COLUMNS.community],
      currency: row[CURRENCY_COLUMN] || undefined,
    };
  });
}

/** A CRM date: YYYY-MM-DD, perhaps followed by a time ("2026-10-02 00:00"); blank is none. */
function dateOf(text: string | undefined): string | undefined {
  return text ? text.slice(0, 10) : undefined;
}

function dealProblem(row: Record<string, string>): RowProblem | undefined {
  if (!row[CRM_COLUMNS.id]) return [CRM_COLUMNS.id, 'the deal has no Deal ID'];
  if (!row[CRM_COLUMNS.community])
    return [CRM_COLUMNS.community, 'the deal names no community; fill in the Community field in the CRM'];
  for (const column of [CRM_COLUMNS.close, CRM_COLUMNS.start, CRM_COLUMNS.end]) {
    const text = row[column];
    if (text && !(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(text) && isIsoDate(text.slice(0, 10))))
      return [column, `'${text}' is not a date written YYYY-MM-DD (set the CRM's export to ISO dates)`];
  }
  const amount = row[CRM_COLUMNS.amount];
  const problem = amountProblem(amount, 'fee');
  if (problem) return [CRM_COLUMNS.amount, `amount '${amount}': ${problem}`];
  const p = row[CRM_COLUMNS.probability];
  if (p && !(/^\d+(\.\d+)?$/.test(p) && Number(p) <= 100))
    return [CRM_COLUMNS.probability, `forecast probability '${p}' is not a number from 0 to 1 or 0 to 100`];
  const currency = row[CURRENCY_COLUMN];
  if (currency && !/^[A-Z]{3}$/.test(currency))
    return [CURRENCY_COLUMN, `currency '${currency}' is not a currency code such as USD or CAD`];
  return undefined;
}

function draftId(partner: PartnerFolder, deal: Deal): string {
  return `${partner.id}-deal-${slugPart(deal.id)}`;
}

function createDraft(changes: ChangeSet, repo: Repository, partner: PartnerFolder, deal: Deal): string {
  const id = draftId(partner, deal);
  const country = partner.profile?.value.country;
  const currency = deal.currency ?? ((country && COUNTRY_CURRENCY[country]) || repo.config.reporting_currency);
  const fee = { id: DEAL_FEE, description: deal.name, amount: money(deal.amount, currency), per: 'term' };
  const lines = [
    `# Imported from CRM deal ${deal.id}; npm run import -- crm-deals keeps its dates, amount and probability.`,
    '# Check the billing and cloud terms before it is signed.',
    `id: ${id}`,
    `partner: ${partner.id}`,
    'kind: service-agreement',
    'status: draft',
    `start: ${deal.start}`,
    `end: ${deal.end}`,
    `currency: ${currency}`,
    'fees:',
    `  - ${flow(fee)}`,
    'cloud: { billing: included }',
    'billing: { every: month, in: advance }',
    `probability: ${deal.probability}`,
    `crm_deal_id: ${scalar(deal.id)}`,
  ];
  changes.create(contractPath(partner.id, id), lines.join('\n') + '\n');
  return id;
}

/** Brings the draft's dates, probability and deal amount to the CRM's; what changed, or '' when nothing did. */
function updateDraft(changes: ChangeSet, contract: Item<Contract>, deal: Deal): string {
  const c = contract.value;
  const fee = c.fees.findIndex((f) => f.id === DEAL_FEE);
  const amount = money(deal.amount, c.currency);
  const changed: [string, (string | number)[], unknown][] = [];
  if (c.start !== deal.start) changed.push(['start', ['start'], deal.start]);
  if (c.end !== deal.end) changed.push(['end', ['end'], deal.end]);
  if (c.probability !== deal.probability) changed.push(['probability', ['probability'], deal.probability]);
  if (fee >= 0 && !dec(c.fees[fee].amount ?? 0).equals(dec(amount.text)))
    changed.push(['amount', ['fees', fee, 'amount'], amount]);
  if (changed.length) changes.edit(contract.file, (e) => changed.forEach(([, path, value]) => e.set(path, value)));
  return changed.map(([what]) => what).join(', ');
}

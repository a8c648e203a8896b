/**
 * `npm run import -- crm-deals FILE.csv`: a CRM's deals kept as draft
 * contracts. It reads HubSpot's own export, a CSV of HubSpot's property names
 * (as its API and the team's sync write them) and SPEC-2's headings alike. A
 * deal becomes (or updates) the draft contract whose `crm_deal_id` is its id:
 * its start, end, probability, kind or tier, and one fee `deal` of the deal's
 * amount for the whole term. The CRM never signs anything: a won deal stays a
 * draft and is listed for a person to sign off; a signed contract is never
 * touched; a lost deal sets its draft's probability to 0. A deal still too
 * early to have an amount or dates is skipped with that reason.
 */
import { amountProblem } from '../check/amount.js';
import { COUNTRY_CURRENCY } from '../money/currency.js';
import { dec, sum } from '../money/decimal.js';
import type { Contract } from '../model/records.js';
import { contractPath, type Item, type PartnerFolder, type Repository } from '../model/repository.js';
import { isIsoDate } from '../time/calendar.js';
import type { ChangeSet } from './changeset.js';
import { located, readRows, refuseIf, type Rows, type RowProblem } from './csv.js';
import { columnsOf, headingsOf, type Headings } from './headings.js';
import { money } from './new-records.js';
import { closestPartnerNames, partnerNamed, slugPart } from './partner-names.js';
import { flow, scalar } from './yaml-editor.js';

/**
 * Each field of a deal and its heading in each source: `ours` (SPEC-2's),
 * `hubspot` (the labels of HubSpot's "Export" of a deals view) and `api`
 * (HubSpot's internal property names, as its API and the team's sync write
 * them). Custom properties (contract dates, revenue type, amount collected)
 * are headed by the label the team gave them.
 */
export const CRM_HEADINGS = {
  id: { ours: 'Deal ID', hubspot: 'Record ID', api: ['id', 'hs_object_id'] },
  name: { ours: 'Deal Name', hubspot: 'Deal Name', api: 'dealname' },
  stage: { ours: 'Deal Stage', hubspot: 'Deal Stage', api: 'dealstage' },
  amount: { ours: 'Amount', hubspot: 'Amount', api: 'amount' },
  currency: { ours: 'Currency', hubspot: 'Currency', api: 'deal_currency_code' },
  close: { ours: 'Close Date', hubspot: 'Close Date', api: 'closedate' },
  start: { ours: 'Contract Start Date', hubspot: 'Contract start date', api: 'contract_start_date' },
  end: { ours: 'Contract End Date', hubspot: 'Contract end date', api: 'contract_end_date' },
  targetStart: { hubspot: 'Target start date', api: 'target_start_date' },
  targetEnd: { hubspot: 'Target end date', api: 'target_end_date' },
  probability: {
    ours: 'Forecast Probability',
    hubspot: 'Deal probability',
    api: ['hs_deal_stage_probability', 'hs_forecast_probability'],
  },
  company: { ours: 'Community', hubspot: ['Associated Company', 'Associated Company (Primary)'], api: 'company' },
  revenueType: { hubspot: 'Revenue type', api: 'revenue_type' },
  collected: { hubspot: 'Amount collected', api: 'amount_collected' },
  pipeline: { ours: 'Pipeline', hubspot: 'Pipeline', api: 'pipeline' },
} as const satisfies Record<string, Headings>;

type Field = keyof typeof CRM_HEADINGS;

/** The columns a deals file must have (under any of their headings); the others may be missing. */
const REQUIRED: readonly Field[] = ['id', 'name', 'stage', 'amount'];

/** HubSpot's `revenue_type` values that say what a draft is: a membership tier, or a statement of work. */
export const REVENUE_TYPES: Record<string, { tier?: string; kind: Contract['kind'] }> = {
  'membership-general': { tier: 'general', kind: 'service-agreement' },
  'membership-premier': { tier: 'premier', kind: 'service-agreement' },
  project: { kind: 'statement-of-work' },
};

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
  /** Deals whose amount collected in the CRM differs from the payments recorded for their contract. */
  collected: string[];
}

interface Deal {
  id: string;
  name: string;
  stage: string;
  outcome: 'won' | 'lost' | 'open';
  amount?: string;
  close?: string;
  start?: string;
  end?: string;
  /** 0..100, whole; undefined when the CRM gives none. */
  probability?: number;
  company?: string;
  currency?: string;
  revenue?: { tier?: string; kind: Contract['kind'] };
  collected?: string;
}

type Columns = Record<Field, string | undefined>;

export async function importCrmDeals(changes: ChangeSet, file: string): Promise<CrmSummary> {
  const csv = readRows(
    file,
    REQUIRED.map((f) => headingsOf(CRM_HEADINGS[f])),
    { extraColumns: true, oneRowPer: 'deal' },
  );
  const deals = readDeals(csv, columnsOf(csv, CRM_HEADINGS));
  const { repo } = await changes.current();
  const summary: CrmSummary = { added: [], updated: [], unchanged: 0, skipped: [], toSignOff: [], collected: [] };
  const byDeal = new Map<string, { partner: PartnerFolder; contract: Item<Contract> }>();
  const hubDeal = new Map<string, PartnerFolder>();
  for (const partner of repo.partners) {
    for (const contract of partner.contracts)
      if (contract.value.crm_deal_id !== undefined) byDeal.set(contract.value.crm_deal_id, { partner, contract });
    for (const hub of partner.profile?.value.hubs ?? [])
      if (hub.crm_deal_id !== undefined) hubDeal.set(hub.crm_deal_id, partner);
  }
  for (const deal of deals) {
    const about = `deal ${deal.id} (${deal.name})`;
    const skip = (why: string) => summary.skipped.push(`${about}: ${why}`);
    const existing = byDeal.get(deal.id);
    const partner = companyPartner(repo, deal.company) ?? existing?.partner ?? hubDeal.get(deal.id);
    if (!partner) {
      const named = deal.company ? `no partner is named '${deal.company}'` : 'the CRM names no company for it';
      skip(
        `${named}, and no contract or hub carries crm_deal_id ${deal.id}; the closest partners are ` +
          `${closestPartnerNames(repo, deal.company ?? deal.name).join(', ')} (use one's name in the CRM, or add ` +
          'the partner with npm run new -- partner)',
      );
      continue;
    }
    if (existing && existing.partner !== partner) {
      skip(
        `its contract ${existing.contract.value.id} is ${existing.partner.id}'s, not ${partner.id}'s; move it by hand`,
      );
      continue;
    }
    const compareCollected = (contract: { id: string; currency: string }) => {
      const difference = deal.collected === undefined ? '' : collectedDifference(partner, contract, deal.collected);
      if (difference) summary.collected.push(`${about}: ${difference}`);
    };
    if (existing) compareCollected(existing.contract.value);
    if (existing && existing.contract.value.status !== 'draft') {
      skip(`contract ${existing.contract.value.id} is signed; the CRM does not change a signed contract`);
      continue;
    }
    if (deal.outcome === 'lost') {
      if (!existing) skip('lost, and no draft of it to close');
      else if (existing.contract.value.probability === 0) summary.unchanged++;
      else {
        changes.edit(existing.contract.file, (e) => e.set(['probability'], 0));
        summary.updated.push(`${existing.contract.value.id} (probability)`);
      }
      continue;
    }
    const missing = [!deal.amount && 'no amount', !(deal.start && deal.end) && 'no start and end dates']
      .filter(Boolean)
      .join(' and ');
    if (missing) {
      skip(
        deal.outcome === 'won'
          ? `won, but the CRM has ${missing} for it; fill them in the CRM so it can be drafted`
          : `still early (stage ${deal.stage}): the CRM has ${missing} for it yet`,
      );
      continue;
    }
    if (deal.end! < deal.start!) {
      skip(`its contract end ${deal.end} is before its start ${deal.start}; correct it in the CRM`);
      continue;
    }
    const probability = deal.probability ?? (deal.outcome === 'won' ? 100 : 0);
    const drafted = { ...deal, probability } as Drafted;
    if (existing) {
      const changed = updateDraft(changes, existing.contract, drafted);
      if (changed) summary.updated.push(`${existing.contract.value.id} (${changed})`);
      else summary.unchanged++;
    } else {
      const created = createDraft(changes, repo, partner, drafted);
      summary.added.push(created.id);
      compareCollected(created);
    }
    if (deal.outcome === 'won') {
      const id = existing?.contract.value.id ?? draftId(partner, deal);
      summary.toSignOff.push(`${id}${deal.close ? ` (closed ${deal.close})` : ''}`);
    }
  }
  return summary;
}

/** The partner a company column names; HubSpot lists several associated companies separated by ';'. */
function companyPartner(repo: Repository, company: string | undefined): PartnerFolder | undefined {
  if (!company) return undefined;
  for (const name of [company, ...company.split(';')]) {
    const partner = partnerNamed(repo, name);
    if (partner) return partner;
  }
  return undefined;
}

/** How the CRM's amount collected differs from the payments recorded against the contract; '' when it does not. */
function collectedDifference(
  partner: PartnerFolder,
  contract: { id: string; currency: string },
  collected: string,
): string {
  const paid = sum(
    partner.invoices
      .filter((i) => i.value.contract === contract.id)
      .flatMap((i) => (i.value.payments ?? []).map((p) => dec(p.amount))),
  );
  const inCrm = dec(collected);
  if (inCrm.equals(paid)) return '';
  const places = 2;
  return (
    `the CRM says ${inCrm.toFixed(places)} ${contract.currency} collected; the payments recorded for ` +
    `${contract.id} add up to ${paid.toFixed(places)} (${inCrm.greaterThan(paid) ? 'record' : 'check'} the ` +
    `difference of ${inCrm.minus(paid).abs().toFixed(places)})`
  );
}

/** The rows as deals; every value that cannot be read is named at its cell, and nothing is imported. */
function readDeals(csv: Rows, columns: Columns): Deal[] {
  const errors: string[] = [];
  const cell = (row: Record<string, string>, field: Field) => {
    const column = columns[field];
    return column === undefined ? '' : (row[column] ?? '');
  };
  const problems = csv.rows.map(({ line, row }) => ({ line, problem: dealProblem(row, columns, cell) }));
  for (const { line, problem } of problems) if (problem) errors.push(located(csv, line, problem));
  const seen = new Map<string, number>();
  for (const { line, row } of csv.rows) {
    const id = cell(row, 'id');
    const first = seen.get(id);
    if (first !== undefined)
      errors.push(located(csv, line, [columns.id!, `deal ${id} is already on line ${first}; keep one row per deal`]));
    else if (id) seen.set(id, line);
  }
  refuseIf(errors);
  // Probabilities are fractions (0..1) when every one in the file is at most 1, else percentages.
  const given = csv.rows.map(({ row }) => cell(row, 'probability')).filter(Boolean);
  const scale = given.every((p) => Number(p) <= 1) ? 100 : 1;
  return csv.rows.map(({ row }) => {
    const stage = cell(row, 'stage');
    const p = cell(row, 'probability');
    return {
      id: cell(row, 'id'),
      name: cell(row, 'name') || '(no name)',
      stage: stage || '(none)',
      outcome: /\blost\b|closedlost/i.test(stage) ? 'lost' : /\bwon\b|closedwon/i.test(stage) ? 'won' : 'open',
      amount: cell(row, 'amount') || undefined,
      close: dateOf(cell(row, 'close')),
      // A deal's contract dates, else the dates it targets.
      start: dateOf(cell(row, 'start')) ?? dateOf(cell(row, 'targetStart')),
      end: dateOf(cell(row, 'end')) ?? dateOf(cell(row, 'targetEnd')),
      probability: p ? Math.round(Number(p) * scale) : undefined,
      company: cell(row, 'company') || undefined,
      currency: cell(row, 'currency') || undefined,
      revenue: REVENUE_TYPES[cell(row, 'revenueType').toLowerCase()],
      collected: cell(row, 'collected') || undefined,
    };
  });
}

/** YYYY-MM-DD, perhaps with a time as HubSpot writes it ("2026-10-02 00:00", "2026-10-02T10:00:00.000Z"). */
const CRM_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A CRM date's day; blank is none. */
function dateOf(text: string): string | undefined {
  return text ? text.slice(0, 10) : undefined;
}

function dealProblem(
  row: Record<string, string>,
  columns: Columns,
  cell: (row: Record<string, string>, field: Field) => string,
): RowProblem | undefined {
  const at = (field: Field) => columns[field]!;
  if (!cell(row, 'id')) return [at('id'), 'the deal has no id'];
  for (const field of ['close', 'start', 'end', 'targetStart', 'targetEnd'] as const) {
    const text = cell(row, field);
    if (text && !(CRM_DATE.test(text) && isIsoDate(text.slice(0, 10))))
      return [at(field), `'${text}' is not a date written YYYY-MM-DD (set the CRM's export to ISO dates)`];
  }
  for (const field of ['amount', 'collected'] as const) {
    const text = cell(row, field);
    const problem = text && amountProblem(text, field === 'amount' ? 'fee' : 'payment');
    if (problem) return [at(field), `${field === 'amount' ? 'amount' : 'amount collected'} '${text}': ${problem}`];
  }
  const p = cell(row, 'probability');
  if (p && !(/^\d+(\.\d+)?$/.test(p) && Number(p) <= 100))
    return [at('probability'), `probability '${p}' is not a number from 0 to 1 or 0 to 100`];
  const currency = cell(row, 'currency');
  if (currency && !/^[A-Z]{3}$/.test(currency))
    return [at('currency'), `currency '${currency}' is not a currency code such as USD or CAD`];
  return undefined;
}

/** A deal that has what a draft needs. */
type Drafted = Deal & { amount: string; start: string; end: string; probability: number };

function draftId(partner: PartnerFolder, deal: Deal): string {
  return `${partner.id}-deal-${slugPart(deal.id)}`;
}

function createDraft(
  changes: ChangeSet,
  repo: Repository,
  partner: PartnerFolder,
  deal: Drafted,
): { id: string; currency: string } {
  const id = draftId(partner, deal);
  const country = partner.profile?.value.country;
  const currency = deal.currency ?? ((country && COUNTRY_CURRENCY[country]) || repo.config.reporting_currency);
  const fee = { id: DEAL_FEE, description: deal.name, amount: money(deal.amount, currency), per: 'term' };
  // The hubs a cluster deployed under this deal (import infrastructure keeps the cluster's deal id on them).
  const hubs = (partner.profile?.value.hubs ?? []).filter((h) => h.crm_deal_id === deal.id);
  const lines = [
    `# Imported from CRM deal ${deal.id}; npm run import -- crm-deals keeps its dates, amount and probability.`,
    '# Check the billing and cloud terms before it is signed.',
    `id: ${id}`,
    `partner: ${partner.id}`,
    `kind: ${deal.revenue?.kind ?? 'service-agreement'}`,
    ...(deal.revenue?.tier ? [`tier: ${deal.revenue.tier}`] : []),
    'status: draft',
    `start: ${deal.start}`,
    `end: ${deal.end}`,
    `currency: ${currency}`,
    'fees:',
    `  - ${flow(fee)}`,
    `cloud: { billing: ${cloudBilling(hubs)} }`,
    'billing: { every: month, in: advance }',
    ...(hubs.length ? [`hubs: [${hubs.map((h) => h.id).join(', ')}]`] : []),
    `probability: ${deal.probability}`,
    `crm_deal_id: ${scalar(deal.id)}`,
  ];
  changes.create(contractPath(partner.id, id), lines.join('\n') + '\n');
  return { id, currency };
}

/**
 * The draft's cloud billing: what the deal's hubs say of their cloud bill when
 * they agree (the cluster's paid_by_us), else 'included' for a person to set.
 */
function cloudBilling(hubs: readonly { cloud_billing?: 'pass-through' | 'partner-pays' }[]): string {
  const said = new Set(hubs.map((h) => h.cloud_billing));
  return said.size === 1 && !said.has(undefined) ? [...said][0]! : 'included';
}

/** Brings the draft's dates, probability, kind, tier and deal amount to the CRM's; what changed, or ''. */
function updateDraft(changes: ChangeSet, contract: Item<Contract>, deal: Drafted): string {
  const c = contract.value;
  const fee = c.fees.findIndex((f) => f.id === DEAL_FEE);
  const amount = money(deal.amount, c.currency);
  const changed: [string, (string | number)[], unknown][] = [];
  if (c.start !== deal.start) changed.push(['start', ['start'], deal.start]);
  if (c.end !== deal.end) changed.push(['end', ['end'], deal.end]);
  if (c.probability !== deal.probability) changed.push(['probability', ['probability'], deal.probability]);
  if (deal.revenue && c.kind !== deal.revenue.kind) changed.push(['kind', ['kind'], deal.revenue.kind]);
  if (deal.revenue?.tier && c.tier !== deal.revenue.tier) changed.push(['tier', ['tier'], deal.revenue.tier]);
  if (fee >= 0 && !dec(c.fees[fee].amount ?? 0).equals(dec(amount.text)))
    changed.push(['amount', ['fees', fee, 'amount'], amount]);
  if (changed.length) changes.edit(contract.file, (e) => changed.forEach(([, path, value]) => e.set(path, value)));
  return changed.map(([what]) => what).join(', ');
}

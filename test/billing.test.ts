/**
 * The billing statement of March 2026 (31 days; February 28), worked out by
 * hand, and `billing --write`. Every fixed fee below is 12,000/year, i.e.
 * 1,000.00 a month; a period's amount is Σ over the months it touches of
 * 1,000 × (its days in that month ÷ the month's days).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { editAndWrite } from '../scripts/lib/edit/command.js';
import { writeBillingDrafts } from '../scripts/lib/edit/billing-write.js';
import { recordInvoice } from '../scripts/lib/edit/record-actions.js';
import { billingStatement } from '../scripts/lib/figures/billing.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { billingCsv, billingJson, billingMarkdown } from '../scripts/lib/render/billing.js';
import { fixtureCopy } from './helpers/fixtures.js';

/** A fixed-fee contract of beta, billed `every`/`in`. */
function contract(id: string, start: string, end: string, every: string, when: string, terminated?: string): string {
  return [
    `id: ${id}`,
    'partner: beta',
    'kind: service-agreement',
    `status: ${terminated ? 'terminated' : 'active'}`,
    'signed: 2025-03-01', // before every start below
    `start: ${start}`,
    `end: ${end}`,
    ...(terminated ? [`terminated: ${terminated}`] : []),
    'currency: USD',
    'fees:',
    '  - { id: fee, description: Membership, amount: 12000, per: year }',
    'cloud: { billing: included }',
    `billing: { every: ${every}, in: ${when} }`,
    '',
  ].join('\n');
}

const CONTRACTS: [string, string, string, string, string, string?][] = [
  ['b-month-adv', '2026-01-01', '2026-12-31', 'month', 'advance'],
  ['b-month-arr', '2026-01-15', '2026-12-31', 'month', 'arrears'],
  ['b-month-cut', '2026-01-01', '2026-12-31', 'month', 'advance', '2026-03-20'],
  ['b-quarter-adv', '2026-03-01', '2027-02-28', 'quarter', 'advance'],
  ['b-quarter-arr', '2026-01-01', '2026-12-31', 'quarter', 'arrears'],
  ['b-quarter-none', '2025-12-01', '2026-11-30', 'quarter', 'arrears'],
  ['b-year-adv', '2026-03-10', '2027-03-09', 'year', 'advance'],
  ['b-year-arr', '2025-04-01', '2027-03-31', 'year', 'arrears'],
  ['b-once-adv', '2026-03-01', '2026-08-31', 'once', 'advance'],
  ['b-once-arr', '2025-10-01', '2026-09-30', 'once', 'arrears', '2026-03-20'],
];

function fixture(): string {
  const root = fixtureCopy('base');
  for (const [id, ...rest] of CONTRACTS)
    writeFileSync(
      join(root, `partners/beta/contracts/${id}.yaml`),
      contract(id, ...(rest as [string, string, string, string])),
    );
  // beta has contracts in force: it is no longer at the proposal stage.
  const profile = join(root, 'partners/beta/partner.md');
  writeFileSync(
    profile,
    readFileSync(profile, 'utf8')
      .replace('stage: proposal', 'stage: paused')
      .replace('  proposal_sent: 2025-06-01', '  proposal_sent: 2025-06-01\n  contract_signed: 2025-07-01'),
  );
  const alpha = (file: string, from: string, to: string) => {
    const text = readFileSync(join(root, 'partners/alpha', file), 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(join(root, 'partners/alpha', file), text.replace(from, to));
  };
  // alpha-2025: hosting 1000/month in advance, pass-through cloud + 10 %, and a usage fee on own bands.
  alpha(
    'contracts/alpha-2025.yaml',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }\n' +
      '  - { id: users, description: Active users, metered: mau, bands: [{ price: 2 }] }\n' +
      'one_time:\n  - { id: training, description: Training day, amount: 750, date: 2026-03-05 }',
  );
  alpha(
    'cloud-costs.yaml',
    '- { month: 2025-03',
    '- { month: 2026-03, hub: alpha-hub, amount: 200.00, currency: USD }\n- { month: 2025-03',
  );
  // A-3 bills March's hosting (a line of kind fee, ref hosting); A-4 would bill the cloud but is void.
  const invoices = readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8');
  writeFileSync(
    join(root, 'partners/alpha/invoices.yaml'),
    '# Alpha invoices: keep this comment\n' +
      invoices +
      [
        '- number: A-3',
        '  contract: alpha-2025',
        '  issued: 2026-03-01',
        '  currency: USD',
        '  amount: 1000.00',
        '  period: { from: 2026-03-01, to: 2026-03-31 }',
        '  lines:',
        '    - { kind: fee, ref: hosting, description: Hub hosting, amount: 1000.00 }',
        '  status: sent # sent by post',
        '- number: A-4',
        '  contract: alpha-2025',
        '  issued: 2026-03-01',
        '  currency: USD',
        '  amount: 220.00',
        '  period: { from: 2026-03-01, to: 2026-03-31 }',
        '  lines:',
        '    - { kind: cloud, ref: alpha-hub, description: Cloud, amount: 220.00 }',
        '  status: void',
        '',
      ].join('\n'),
  );
  return root;
}

async function statement(root: string) {
  const { problems, repo } = await checkData(new FolderSource(root), { asOf: '2026-04-02' });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { repo, lines: billingStatement(repo, '2026-03') };
}

describe('billing statement of 2026-03', async () => {
  const root = fixture();
  const { repo, lines } = await statement(root);
  const row = (contract: string, kind = 'fee') => lines.filter((l) => l.contract === contract && l.kind === kind);
  const fee = (contract: string) =>
    row(contract).map((l) => `${l.period_from}..${l.period_to} ${l.amount?.toFixed(2)} ${l.status}`);

  it('is worked out once per records and month (the report writes it and the dashboard lists its lines)', () => {
    expect(billingStatement(repo, '2026-03')).toBe(lines);
    expect(billingStatement(repo, '2026-02')).not.toBe(lines);
  });

  it('bills each billing period invoiced in March, for every every/in', () => {
    expect(fee('b-month-adv')).toEqual(['2026-03-01..2026-03-31 1000.00 to-invoice']);
    // Ends in March: 02-15..03-14 is one whole month counted from the 15th (R2): 1000.00, not 14/28 + 14/31
    expect(fee('b-month-arr')).toEqual(['2026-02-15..2026-03-14 1000.00 to-invoice']);
    // Terminated 03-20: the period is cut to 03-01..03-20 = 1000 × 20/31 = 645.16
    expect(fee('b-month-cut')).toEqual(['2026-03-01..2026-03-20 645.16 to-invoice']);
    expect(fee('b-quarter-adv')).toEqual(['2026-03-01..2026-05-31 3000.00 to-invoice']);
    expect(fee('b-quarter-arr')).toEqual(['2026-01-01..2026-03-31 3000.00 to-invoice']);
    // Its periods end 02-28 and 05-31: nothing is invoiced in March.
    expect(fee('b-quarter-none')).toEqual([]);
    // 03-10..2027-03-09: 1000 × 22/31 + 11 × 1000 + 1000 × 9/31 = 12000.00
    expect(fee('b-year-adv')).toEqual(['2026-03-10..2027-03-09 12000.00 to-invoice']);
    expect(fee('b-year-arr')).toEqual(['2025-04-01..2026-03-31 12000.00 to-invoice']);
    expect(fee('b-once-adv')).toEqual(['2026-03-01..2026-08-31 6000.00 to-invoice']);
    // Once, in arrears, terminated 03-20: 2025-10-01..2026-03-20 = 5 × 1000 + 1000 × 20/31 = 5645.16
    expect(fee('b-once-arr')).toEqual(['2025-10-01..2026-03-20 5645.16 to-invoice']);
  });

  it('names the invoice that already bills a line (same period, kind and ref; void invoices do not count)', () => {
    expect(row('alpha-2025')).toMatchObject([{ ref: 'hosting', status: 'invoiced', invoiced_by: 'A-3' }]);
    // 200.00 × 1.10 = 220.00; A-4 is void
    expect(row('alpha-2025', 'cloud')).toMatchObject([{ ref: 'alpha-hub', status: 'to-invoice' }]);
    expect(row('alpha-2025', 'cloud')[0].invoiced_by).toBeUndefined();
    expect(row('alpha-2025', 'cloud')[0].amount?.toFixed(2)).toBe('220.00');
    expect(row('alpha-2025', 'one-time')[0].amount?.toFixed(2)).toBe('750.00');
    // No usage of 2026-03 recorded for alpha-hub: pending, no amount (not 0).
    expect(row('alpha-2025', 'usage')).toMatchObject([{ ref: 'users', status: 'pending' }]);
    expect(row('alpha-2025', 'usage')[0].amount).toBeUndefined();
  });

  it('writes JSON, CSV and Markdown with a total per currency', () => {
    const json = billingJson(lines, '2026-03', 'USD');
    expect(json.lines.find((l) => l.contract === 'alpha-2025' && l.kind === 'usage')).toMatchObject({
      amount: null,
      status: 'pending',
      invoiced_by: null,
    });
    expect(billingCsv(lines).split('\n')[0]).toBe(
      'contract,partner,kind,ref,description,period_from,period_to,amount,currency,invoiced_by',
    );
    const text = billingMarkdown(repo, lines, '2026-03');
    // Alpha: 1000 (invoiced) + 220 + 750 = 1,970.00; the pending usage line is not totalled.
    expect(text).toContain('## Alpha University');
    expect(text).toContain('**Total:** 1,970.00 USD');
    // Beta: 1000 + 1000 + 645.16 + 3000 + 3000 + 12000 + 12000 + 6000 + 5645.16 = 44,290.32
    expect(text).toContain('**Total:** 44,290.32 USD');
  });
});

describe('billing --write', () => {
  it('adds the lines not invoiced as drafts, keeps comments and order, and adds nothing the second time', async () => {
    const root = fixture();
    const write = () => editAndWrite(root, (changes) => writeBillingDrafts(changes, '2026-03', '2026-04-02'));
    const first = await write();
    expect(first.result).toContain('alpha-2025-2026-03');
    const alpha = readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8');
    expect(alpha.startsWith('# Alpha invoices: keep this comment\n')).toBe(true);
    expect(alpha).toContain('status: sent # sent by post');
    expect([...alpha.matchAll(/number: (\S+)/g)].map((m) => m[1])).toEqual([
      'A-1',
      'A-2',
      'A-3',
      'A-4',
      'alpha-2025-2026-03',
    ]);
    const { lines } = await statement(root);
    expect(lines.filter((l) => l.status === 'to-invoice')).toEqual([]);
    // alpha's draft: cloud 220 + training 750 = 970.00, invoiced by the draft now.
    expect(lines.filter((l) => l.invoiced_by === 'alpha-2025-2026-03').map((l) => l.kind)).toEqual([
      'cloud',
      'one-time',
    ]);
    const before = readFileSync(join(root, 'partners/beta/invoices.yaml'), 'utf8');
    const second = await write();
    expect(second.written).toEqual([]);
    expect(readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8')).toBe(alpha);
    expect(readFileSync(join(root, 'partners/beta/invoices.yaml'), 'utf8')).toBe(before);
  });
});

describe('record invoice --lines', () => {
  const record = (root: string, given: Record<string, unknown>) =>
    editAndWrite(root, (changes) =>
      recordInvoice(changes, {
        contract: 'alpha-2025',
        period: '2026-03-01..2026-03-31',
        issued: '2026-04-02',
        number: 'A-9',
        ...given,
      }),
    );

  it('writes the lines and makes the amount their total: 1000 + 220 = 1,220.00', async () => {
    const root = fixtureCopy('base');
    await record(root, { lines: 'fee:hosting=1000; cloud:alpha-hub=220' });
    const text = readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8');
    expect(text).toContain('  amount: 1220.00\n');
    expect(text).toContain('description: Hub hosting');
    expect(text).toContain('description: Cloud costs of alpha-hub');
  });

  it('refuses lines that do not add up to a given amount, located, and writes nothing', async () => {
    const root = fixtureCopy('base');
    const before = readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8');
    // A-9 is appended after A-1 and A-2 (lines 1–18): number 19, contract 20, issued 21, currency 22, amount 23.
    await expect(record(root, { lines: 'fee:hosting=1000; cloud:alpha-hub=220', amount: '1000' })).rejects.toThrow(
      /invoices\.yaml\n {2}23:11 {2}error {2}the lines add up to 1220 USD, not the invoice amount 1000/,
    );
    expect(readFileSync(join(root, 'partners/alpha/invoices.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a line it cannot read', async () => {
    await expect(record(fixtureCopy('base'), { lines: 'fees:hosting=1000' })).rejects.toThrow(
      "--lines 'fees:hosting=1000': the kind must be one of fee, usage, cloud, one-time, hours (got 'fees')",
    );
  });
});

/**
 * What an invoice bills (SPEC-3 R1) and what a billing period amounts to
 * (R2), worked out by hand; and the sample data's October statement, which
 * once asked finance to bill again what INV-2026-1028, -1067 and -1473 bill.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { editAndWrite } from '../scripts/lib/edit/command.js';
import { writeBillingDrafts } from '../scripts/lib/edit/billing-write.js';
import { billingStatement } from '../scripts/lib/figures/billing.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import type { FixedFee } from '../scripts/lib/model/contract-terms.js';
import { billedBy, invoicesOf, linelessFeeTotals, notInvoiced, periodFee } from '../scripts/lib/model/invoice-bills.js';
import type { Contract, Invoice } from '../scripts/lib/model/records.js';
import { addDays, addMonthsToDate, isIsoDate } from '../scripts/lib/time/calendar.js';
import { fixtureCopy, readTree, replaceIn, sampleCopy } from './helpers/fixtures.js';

const fee = (amount: number, per: FixedFee['per']): FixedFee => ({ id: 'f', description: 'F', amount, per });
const amount = (f: FixedFee, from: string, to: string, start = from, end = '2099-12-31') =>
  periodFee(f, { from, to }, { from: start, to: end }).toFixed(2);

describe('the amount of a billing period (R2)', () => {
  it('bills whole months counted from the period’s first day at exactly the monthly figure', () => {
    // Open Press: 2,500/month from the 15th is 2,500.00 a period (was 2,500 × 17/31 + 2,500 × 14/30 = 2,537.63).
    expect(amount(fee(2500, 'month'), '2026-10-15', '2026-11-14')).toBe('2500.00');
    expect(amount(fee(2500, 'month'), '2027-01-15', '2027-02-14')).toBe('2500.00');
    expect(amount(fee(2500, 'month'), '2026-02-01', '2026-02-28')).toBe('2500.00');
    // A quarter from the 15th: 9,000/quarter = 3 × 3,000.
    expect(amount(fee(9000, 'quarter'), '2026-01-15', '2026-04-14')).toBe('9000.00');
    // A term starting on the 31st: its periods Jan 31–Feb 27 and Feb 28–Mar 30 are whole months.
    expect(amount(fee(3100, 'month'), '2026-01-31', '2026-02-27', '2026-01-31')).toBe('3100.00');
    expect(amount(fee(3100, 'month'), '2026-02-28', '2026-03-30', '2026-01-31')).toBe('3100.00');
  });

  it('prorates a last stub by its days in the months it falls in', () => {
    // Terminated 11-02: 10-15..11-02 is no whole month: 2,500 × 17/31 + 2,500 × 2/30 = 1,370.967… + 166.666… = 1,537.63
    expect(amount(fee(2500, 'month'), '2026-10-15', '2026-11-02')).toBe('1537.63');
    // One whole month (01-15..02-14), then 02-15..02-20: 3,100 + 3,100 × 6/28 = 3,100 + 664.285… = 3,764.29
    expect(amount(fee(3100, 'month'), '2026-01-15', '2026-02-20')).toBe('3764.29');
  });

  it('counts the whole months of any period the same as month by month', () => {
    // From every day of 2024 (a leap year) and of the 28th–31st of early 2025, over 1 to 14 months: exactly
    // n × 100.00. The whole months are found in one step, not counted one by one.
    const starts = [...Array(366).keys()].map((i) => addDays('2024-01-01', i));
    for (const m of ['01', '02', '03', '04']) for (const d of ['28', '29', '30', '31']) starts.push(`2025-${m}-${d}`);
    for (const from of starts.filter(isIsoDate))
      for (let n = 1; n <= 14; n++) {
        const end = addDays(addMonthsToDate(from, n), -1);
        expect(amount(fee(100, 'month'), from, end)).toBe(`${n * 100}.00`);
        // A day less: n − 1 whole months and a stub (a stub over two months' days can come to more than 100).
        const short = Number(amount(fee(100, 'month'), from, addDays(end, -1)));
        expect(short > (n - 1) * 100 && short !== n * 100).toBe(true);
        // A day more: n whole months and a day.
        expect(Number(amount(fee(100, 'month'), from, addDays(end, 1)))).toBeGreaterThan(n * 100);
      }
  });

  it('prorates a first stub when the period ends on a month’s last day', () => {
    // 12,000/year = 1,000/month over 01-20..12-31: Jan 20–31 = 1,000 × 12/31 = 387.096…, then 11 whole months.
    expect(amount(fee(12000, 'year'), '2026-01-20', '2026-12-31')).toBe('11387.10');
    // Within one month: 03-10..03-31 = 1,000 × 22/31 = 709.677…
    expect(amount(fee(1000, 'month'), '2026-03-10', '2026-03-31')).toBe('709.68');
  });
});

/**
 * alpha-2025 (base fixture) with a second fixed fee (support, 300/month) and
 * a one-time fee, invoiced without lines: A-3 for May 2025's two fees
 * (1,300.00), A-4 with no period for the 750.00 setup fee (from line 19 of
 * invoices.yaml; A-1 and A-2, for hosting alone, now warn of the support fee).
 */
function lineless(a3Amount = '1300.00'): string {
  const root = fixtureCopy('base');
  replaceIn(
    root,
    'partners/alpha/contracts/alpha-2025.yaml',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }\n' +
      '  - { id: support, description: Support, amount: 300, per: month }\n' +
      'one_time:\n  - { id: setup, description: Hub setup, amount: 750, date: 2025-05-10 }',
  );
  replaceIn(
    root,
    'partners/alpha/invoices.yaml',
    '    - { date: 2025-04-20, amount: 400.00 }\n',
    '    - { date: 2025-04-20, amount: 400.00 }\n' +
      '- number: A-3\n  contract: alpha-2025\n  issued: 2025-05-01\n  currency: USD\n' +
      `  amount: ${a3Amount}\n  period: { from: 2025-05-01, to: 2025-05-31 }\n  status: sent\n` +
      '- number: A-4\n  contract: alpha-2025\n  issued: 2025-05-12\n  currency: USD\n' +
      '  amount: 750.00\n  status: sent\n',
  );
  return root;
}

async function may(root: string) {
  const checked = await checkData(new FolderSource(root), { asOf: '2025-06-02' });
  const { repo } = checked;
  const problems = checked.problems.filter((p) => p.file !== 'partners/alpha/invoices.yaml' || p.line >= 19);
  const lines = billingStatement(repo, '2025-05').filter((l) => l.kind === 'fee' || l.kind === 'one-time');
  return {
    problems,
    lines: lines.map((l) => `${l.kind} ${l.ref} ${l.amount?.toFixed(2)} ${l.status} ${l.invoiced_by}`),
  };
}

describe('what an invoice without lines bills (R1)', () => {
  it('bills every fixed fee of the billing periods inside its period, and a one-time fee by its amount', async () => {
    const { problems, lines } = await may(lineless());
    expect(problems.filter((p) => p.severity === 'error' || p.rule === 'invoice-amount-mismatch')).toEqual([]);
    expect(lines).toEqual([
      'fee hosting 1000.00 invoiced A-3',
      'fee support 300.00 invoiced A-3',
      'one-time setup 750.00 invoiced A-4',
    ]);
  });

  it('warns when its amount is not what those periods come to, naming both', async () => {
    const { problems, lines } = await may(lineless('1000.00'));
    expect(problems.filter((p) => p.rule === 'invoice-amount-mismatch').map((p) => [p.line, p.message])).toEqual([
      [
        23,
        'the invoice is for 1000.00 USD, but the fixed fees of alpha-2025 for the billing periods inside ' +
          '2025-05-01 to 2025-05-31 come to 1300.00 USD; correct the amount or the period, or add lines saying ' +
          'what the invoice bills',
      ],
    ]);
    // It still bills those periods: the statement never asks for them again.
    expect(lines.slice(0, 2)).toEqual(['fee hosting 1000.00 invoiced A-3', 'fee support 300.00 invoiced A-3']);
  });

  it('does not overlap an invoice whose lines bill only the cloud (no period-invoiced-twice)', async () => {
    const root = lineless();
    replaceIn(
      root,
      'partners/alpha/invoices.yaml',
      '  amount: 750.00\n  status: sent\n',
      '  amount: 750.00\n  status: sent\n' +
        '- number: A-5\n  contract: alpha-2025\n  issued: 2025-06-01\n  currency: USD\n  amount: 110.00\n' +
        '  period: { from: 2025-05-01, to: 2025-05-31 }\n' +
        '  lines:\n    - { kind: cloud, ref: alpha-hub, description: Cloud, amount: 110.00 }\n  status: sent\n',
    );
    const { problems } = await may(root);
    expect(problems.filter((p) => p.rule === 'period-invoiced-twice')).toEqual([]);
  });
});

describe('billing --write on the sample data for 2026-10', () => {
  it('drafts nothing an invoice bills; no period is then billed twice; a rerun changes nothing', async () => {
    const root = sampleCopy();
    const { repo } = await checkData(new FolderSource(root), { asOf: '2026-11-24' });
    const toInvoice = billingStatement(repo, '2026-10')
      .filter((l) => l.status === 'to-invoice')
      .map((l) => `${l.contract} ${l.kind} ${l.ref} ${l.amount?.toFixed(2)}`);
    // UN's fees (INV-2026-1028), Open Press hosting (INV-2026-1067) and the OSEN workshops (INV-2026-1473) are billed.
    expect(toInvoice).toEqual([
      'eduhub-reseller usage users 1235.50',
      'leap-2026 usage users 572.00',
      'openpress-2026 one-time setup 6000.00',
      'sgs-subaward usage users 356.00',
      'uni-north-2025 cloud un-research 2681.80',
      'uni-north-2025 cloud un-teaching 1694.00',
    ]);
    const write = () => editAndWrite(root, (changes) => writeBillingDrafts(changes, '2026-10', '2026-11-24'));
    await write();
    const after = await checkData(new FolderSource(root), { asOf: '2026-11-24' });
    expect(after.problems.filter((p) => p.rule === 'period-invoiced-twice')).toEqual([]);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const tree = readTree(join(root, 'partners'));
    expect((await write()).written).toEqual([]);
    expect(readTree(join(root, 'partners'))).toEqual(tree);
    expect(readFileSync(join(root, 'partners/uni-north/invoices.yaml'), 'utf8')).toContain(
      'number: uni-north-2025-2026-10',
    );
  });
});

describe('contracted, not invoiced (R11) on the sample data at 2026-11-24', () => {
  it('lists fee periods due and one-time fees dated by D that no invoice bills, with amounts', async () => {
    const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: '2026-11-24' });
    const f = computeFigures(repo, '2026-11-24');
    expect(
      f.unbilled.map((u) => `${u.contract} ${u.kind} ${u.from}..${u.to} ${u.amount.toFixed(2)} ${u.currency}`),
    ).toEqual([
      // uni-north-2024's setup fee of 2024-07-01: never invoiced.
      'uni-north-2024 one-time 2024-07-01..2024-07-01 8000.00 CAD',
      // EduHub's third quarter: 9,000 platform + 1,500 support a quarter, in advance.
      'eduhub-reseller fee 2026-07-01..2026-09-30 10500.00 USD',
      // Open Press's setup fee; its hosting periods are billed by INV-2026-1067 and -1068.
      'openpress-2026 one-time 2026-10-15..2026-10-15 6000.00 USD',
    ]);
    const meta = { organization: 'Org', asOf: '2026-11-24', currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    const pages = new Map(renderReports(f, computeFigures(repo, previousMonthDate('2026-11-24')), meta));
    const dashboard = pages.get('README.md')!;
    expect(dashboard).toContain(
      '| `openpress-2026` | [Open Press Publishing](partners/openpress.md) | Publishing pipeline setup | ' +
        'one-time fee dated 2026-10-15 | 6,000.00 USD |',
    );
  });
});

describe('what the invoices of a contract bill, asked again', () => {
  it('is the same answer, worked out once per contract and list of invoices', async () => {
    // Unbilled at D and at last month's date, the billing statement: each asks of every contract.
    const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: '2026-11-24' });
    const partner = repo.partners.find((p) => p.id === 'openpress')!;
    const contract = partner.contracts[0].value;
    expect(invoicesOf(partner)).toBe(invoicesOf(partner));
    expect(invoicesOf(partner)).toEqual(partner.invoices.map((i) => i.value));
    const open = notInvoiced(contract, invoicesOf(partner));
    expect(notInvoiced(contract, invoicesOf(partner))).toBe(open);
    const hosting = { kind: 'fee' as const, ref: 'hosting', from: '2026-10-15', to: '2026-11-14' };
    expect(billedBy(contract, invoicesOf(partner), hosting)).toBe('INV-2026-1067');
    // Another list (one invoice fewer) is another answer: a new list is never read from the old one's memo.
    const fewer = invoicesOf(partner).filter((i) => i.number !== 'INV-2026-1067');
    expect(billedBy(contract, fewer, hosting)).toBeUndefined();
    expect(notInvoiced(contract, fewer).map((n) => `${n.from}..${n.to}`)).toContain('2026-10-15..2026-11-14');
  });
});

describe('invoices without lines that bill a period together', () => {
  it('bill a month invoiced in two halves, by both, and leave the months no invoice reaches', () => {
    const contract = {
      id: 'c',
      status: 'active',
      start: '2026-01-01',
      end: '2026-06-30',
      currency: 'USD',
      billing: { every: 'month', in: 'advance' },
      fees: [{ id: 'f', description: 'F', amount: 1000, per: 'month' }],
    } as unknown as Contract;
    const invoice = (number: string, from: string, to: string) =>
      ({ number, contract: 'c', status: 'sent', amount: 1000, period: { from, to } }) as unknown as Invoice;
    // A and B together cover January (B also holds February whole); C holds April; nothing reaches March, May, June.
    const invoices = [
      invoice('A', '2026-01-01', '2026-01-15'),
      invoice('B', '2026-01-16', '2026-02-28'),
      invoice('C', '2026-04-01', '2026-04-30'),
    ];
    expect(notInvoiced(contract, invoices).map((n) => `${n.from}..${n.to}`)).toEqual([
      '2026-03-01..2026-03-31',
      '2026-05-01..2026-05-31',
      '2026-06-01..2026-06-30',
    ]);
    const fee = (from: string, to: string) => ({ kind: 'fee' as const, ref: 'f', from, to });
    expect(billedBy(contract, invoices, fee('2026-01-01', '2026-01-31'))).toBe('A + B');
    expect(billedBy(contract, invoices, fee('2026-02-01', '2026-02-28'))).toBe('B');
    expect(billedBy(contract, invoices, fee('2026-04-01', '2026-04-30'))).toBe('C');
    expect(billedBy(contract, invoices, fee('2026-05-01', '2026-05-31'))).toBeUndefined();
    // Which share of January is A's own is not known: only C's amount is compared.
    expect([...linelessFeeTotals(contract, invoices)].map(([i, t]) => `${i.number} ${t.toFixed(2)}`)).toEqual([
      'C 1000.00',
    ]);
  });
});

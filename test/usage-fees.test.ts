/**
 * Price book and usage fees (SPEC-2 A), worked out by hand. The book of
 * test/fixtures/pricing/2025-01.yaml: users 1..10 at 10.00, 11..100 at 5.00,
 * 101..1,000 at 2.50, 1,001..10,000 at 1.25, above that 0.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { bookInForce, listPriceAt, tierYearly, usageFee } from '../scripts/lib/figures/price-book.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import type { PriceBook } from '../scripts/lib/model/records.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { fixtureCopy } from './helpers/fixtures.js';
import { BOOK_TEXT, bookFile } from './helpers/pricing.js';

const book = parse(BOOK_TEXT) as PriceBook;
const fee = (users: number, cap?: number) => usageFee(book.mau_bands, users, cap).toFixed(2);

describe('usageFee: marginal bands', () => {
  it('prices each band boundary', () => {
    expect(fee(0)).toBe('0.00');
    expect(fee(10)).toBe('100.00'); // 10 × 10
    expect(fee(11)).toBe('105.00'); // 100 + 1 × 5
    expect(fee(100)).toBe('550.00'); // 100 + 90 × 5
    expect(fee(101)).toBe('552.50'); // 550 + 1 × 2.5
    expect(fee(1000)).toBe('2800.00'); // 550 + 900 × 2.5
    expect(fee(10000)).toBe('14050.00'); // 2800 + 9000 × 1.25
    expect(fee(10001)).toBe('14050.00'); // 14050 + 1 × 0
    expect(fee(137)).toBe('642.50'); // SPEC-2's example: 100 + 450 + 37 × 2.5
  });
  it('caps the monthly fee', () => {
    expect(fee(137, 500)).toBe('500.00'); // 642.50 capped at 500
    expect(fee(137, 642.5)).toBe('642.50'); // the cap itself
    expect(fee(137, 700)).toBe('642.50'); // under the cap
  });
});

describe('price book in force and list prices', () => {
  const later = { ...book, id: '2025-07', effective_from: '2025-07-01' };
  it('is the latest effective_from on or before the date', () => {
    expect(bookInForce([later, book], '2024-12-31')).toBeUndefined();
    expect(bookInForce([later, book], '2025-01-01')?.id).toBe('2025-01');
    expect(bookInForce([later, book], '2025-06-30')?.id).toBe('2025-01');
    expect(bookInForce([later, book], '2025-07-01')?.id).toBe('2025-07');
  });
  it('prices a tier and a number of users for a year', () => {
    expect(tierYearly(book, 'premier')?.toFixed(2)).toBe('50000.00');
    // 15000 + 12 × (100 + 40 × 5 = 300) = 18600
    expect(listPriceAt(book, 'general', 50)?.toFixed(2)).toBe('18600.00');
    // 15000 + 12 × (550 + 400 × 2.5 = 1550) = 33600
    expect(listPriceAt(book, 'general', 500)?.toFixed(2)).toBe('33600.00');
    // 15000 + 12 × (2800 + 4000 × 1.25 = 7800) = 108600
    expect(listPriceAt(book, 'general', 5000)?.toFixed(2)).toBe('108600.00');
    expect(listPriceAt(book, 'gold', 50)).toBeUndefined();
  });
});

/**
 * The base fixture plus two books and two metered contracts of alpha:
 * - alpha-2025 (signed 2025-02-01, 2025-03-01..2027-02-28, hub alpha-hub): hosting 1000/month and a
 *   usage fee on its own bands (1..100 at 3.00, above at 1.00) capped at 400; pass-through cloud +10 %.
 * - alpha-2025b (signed 2025-06-10, from 2025-06-16, hub alpha-hub2, cloud included): a usage fee on the
 *   default bands, i.e. those of the book in force at signing — 2025-06, whose first band is 20.00, not
 *   2025-01's 10.00 (a price book change between two contracts).
 */
async function figuresAt(asOf: string, sponsorPct = 0) {
  const { repo } = await checkedRepo(asOf, sponsorPct);
  return metricsJson(computeFigures(repo, asOf));
}

async function checkedRepo(asOf: string, sponsorPct = 0) {
  const root = fixtureCopy('base');
  const files: Record<string, string> = {
    ...bookFile('2025-01', '2025-01-01'),
    ...bookFile('2025-06', '2025-06-01', ['{ up_to: 10, price: 10 }', '{ up_to: 10, price: 20 }']),
    'partners/alpha/usage.yaml': [
      '- { month: 2025-03, hub: alpha-hub, active_users: 40 }', // 40 × 3 = 120
      '- { month: 2025-04, hub: alpha-hub, active_users: 150 }', // 100 × 3 + 50 × 1 = 350
      '- { month: 2025-05, hub: alpha-hub, active_users: 500 }', // 300 + 400 = 700 → cap 400
      '- { month: 2025-06, hub: alpha-hub2, active_users: 137 }', // alpha-hub's June is missing
      '',
    ].join('\n'),
    'partners/alpha/contracts/alpha-2025b.yaml': [
      'id: alpha-2025b',
      'partner: alpha',
      'kind: service-agreement',
      'status: active',
      'signed: 2025-06-10',
      'start: 2025-06-16',
      'end: 2026-06-15',
      'currency: USD',
      'fees:',
      '  - { id: usage, description: Monthly active users, metered: mau }',
      'cloud: { billing: included }',
      'billing: { every: month, in: arrears }',
      'hubs: [alpha-hub2]',
      '',
    ].join('\n'),
  };
  mkdirSync(join(root, 'pricing'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(root, path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
    writeFileSync(join(root, path), text.replace(from, to));
  };
  edit(
    'partners/alpha/contracts/alpha-2025.yaml',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
    '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }\n' +
      '  - { id: usage, description: Users, metered: mau, cap: 400,\n' +
      '      bands: [{ up_to: 100, price: 3 }, { price: 1 }] }\n' +
      'tier: general',
  );
  edit(
    'partners/alpha/partner.md',
    '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }',
    '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n  - { id: alpha-hub2, cloud: gcp, launched: 2025-06-16 }',
  );
  if (sponsorPct)
    edit(
      'ops.config.yaml',
      'reporting_currency: USD',
      `reporting_currency: USD\nfiscal_sponsor_fee_pct: ${sponsorPct}`,
    );
  const { problems, repo } = await checkData(new FolderSource(root), { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { repo };
}

describe('usage fees in the figures', () => {
  it('adds the capped usage fee on own bands to MRR, with the sponsor fee sparing pass-through cloud', async () => {
    const m = await figuresAt('2025-03-31');
    // March: hosting 1000 + usage 120 + cloud 200 × 1.10 = 220 → 1340.00
    expect(m.usage_fees).toEqual([{ contract: 'alpha-2025', month: '2025-03', users: 40, amount: '120.00' }]);
    expect(m.pending_usage).toEqual([]);
    expect(m.mrr).toBe('1340.00');
    // With a 10 % sponsor fee: (1000 + 120) × 0.9 = 1008 + cloud 220 untouched = 1228.00
    expect((await figuresAt('2025-03-31', 10)).mrr).toBe('1228.00');
  });

  it('caps the fee at 400 in May (700 on the bands)', async () => {
    const m = await figuresAt('2025-05-31');
    expect(m.usage_fees).toEqual([{ contract: 'alpha-2025', month: '2025-05', users: 500, amount: '400.00' }]);
    // 1000 + 400; no cloud bill in May (none recorded, none pending: April had none either)
    expect(m.mrr).toBe('1400.00');
  });

  it("lists June's missing usage as pending (0 in MRR, not silently), and prorates a mid-month start", async () => {
    const m = await figuresAt('2025-06-30');
    // alpha-2025b from 06-16: 15 of June's 30 days. Book 2025-06: 10 × 20 + 90 × 5 + 37 × 2.5 = 742.50
    // × 15/30 = 371.25 (on book 2025-01 it would be 642.50 × 15/30 = 321.25).
    expect(m.usage_fees).toEqual([{ contract: 'alpha-2025b', month: '2025-06', users: 137, amount: '371.25' }]);
    expect(m.pending_usage).toEqual(['alpha-2025']);
    // MRR: hosting 1000 + alpha-2025's usage pending (0) + 371.25 = 1371.25
    expect(m.mrr).toBe('1371.25');
  });

  it('counts no usage fee in committed revenue or CMRR of a future month (R3: usage not recorded)', async () => {
    const m = await figuresAt('2025-06-30');
    // alpha-2025's usage (Mar 120, Apr 350, May 400) and alpha-2025b's (June 742.50) say nothing committed about
    // July: committed = alpha-2025's hosting 1000 only (alpha-2025b has no fixed fee). Before R3 the projection
    // added the mean of the last three recorded months, 1000 + 290 + 742.50 = 2032.50.
    expect(m.projection[0]).toMatchObject({ month: '2025-07', committed: '1000.00' });
    // FMRR's committed part is the projection's: 1000.00 every month to 2025-12, FMRR₆ = 6,000.00 (no renewal or
    // draft: alpha-2025 runs to 2027-02, alpha-2025b to 2026-06).
    expect(m.fmrr.map((x: { cmrr: string }) => x.cmrr)).toEqual(Array(6).fill('1000.00'));
    expect(m.fmrr_6).toBe('6000.00');
  });
});

describe('pricing', () => {
  it('discount against the list price, and the price on the current book', async () => {
    const m = await figuresAt('2025-06-30');
    // alpha-2025 signed 2025-02-01: book 2025-01, general = 15,000/year. Fixed fees in the first full month
    // (2025-03): 1000 × 12 = 12,000. Discount 1 − 12000/15000 = 20.0 %.
    expect(m.pricing).toEqual([
      { contract: 'alpha-2025', tier: 'general', list: '15000.00', annualised: '12000.00', discount_pct: 20 },
    ]);
    const f = computeFigures((await checkedRepo('2025-06-30')).repo, '2025-06-30');
    // Latest month with alpha-hub's usage recorded: May, 500 users. Now: 12000 + 12 × min(700, cap 400) = 16,800.
    // Current book (2025-06): 15000 + 12 × (10 × 20 + 90 × 5 + 400 × 2.5 = 1650) = 34,800.
    expect(f.pricing[0].users).toBe(500);
    expect(f.pricing[0].now.toFixed(2)).toBe('16800.00');
    expect(f.pricing[0].onCurrentBook?.toFixed(2)).toBe('34800.00');
    expect(f.partnersPerTier).toEqual([{ tier: 'general', partners: ['alpha'] }]);
  });

  it('margin per contract in M', async () => {
    const f = computeFigures((await checkedRepo('2025-03-31')).repo, '2025-03-31');
    // Revenue 1000 + usage 120 + cloud 200 × 1.10 = 1340; cloud costs 200; alpha's share of the recurring
    // costs: staff 5000 (alpha-hub is the only live hub) → margin 1340 − 200 − 5000 = −3,860.00.
    expect(f.contractMargins.map((r) => [r.contract, r.margin.toFixed(2)])).toEqual([['alpha-2025', '-3860.00']]);
    // Usage per band in March: 40 users on alpha's own bands, 40 × 3 = 120 in the first band.
    expect(f.usageByBand.map((b) => [b.band, b.amount.toFixed(2)])).toEqual([
      ['1–100 users at 3.00', '120.00'],
      ['101+ users at 1.00', '0.00'],
    ]);
  });
});

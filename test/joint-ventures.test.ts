/**
 * Market research and joint ventures (SPEC-2 D) on the base fixture with, laid over it: a second CAD rate from
 * 2025-04 (0.75 -> 0.80), alpha-hub's cloud bills for April (100) and May (50), a cloud vendor granting 300 CAD
 * over March-May for alpha-hub, a reseller taking 10 % of a contract sold through it from 16 April, and two
 * market entries. Every figure below is worked out by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { monthShare } from '../scripts/lib/figures/costs.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import type { Repository } from '../scripts/lib/model/repository.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { fixtureCopy, replaceIn } from './helpers/fixtures.js';

const FILES: Record<string, string> = {
  'partners/vendorx/partner.md':
    '---\nid: vendorx\nname: Vendor X Cloud\ntype: cloud-vendor\ncountry: US\naccount_owner: alice\nstage: lead\n' +
    'credits:\n  - { amount: 300, currency: CAD, from: 2025-03, to: 2025-05, hubs: [alpha-hub] }\n' +
    'milestones:\n  first_contact: 2025-01-05\n---\n',
  'partners/resellco/partner.md':
    '---\nid: resellco\nname: Resell Co\ntype: reseller\ncountry: US\naccount_owner: alice\nstage: lead\n' +
    'revenue_share_pct: 10\nmilestones:\n  first_contact: 2025-01-05\n---\n',
  'partners/alpha/contracts/alpha-extra.yaml':
    'id: alpha-extra\npartner: alpha\nkind: service-agreement\nstatus: active\nsigned: 2025-04-01\n' +
    'start: 2025-04-16\nend: 2026-04-15\ncurrency: USD\nvia: resellco\n' +
    'fees:\n  - { id: training, description: Training, amount: 3000, per: month }\n' +
    'cloud: { billing: included }\nbilling: { every: month, in: advance }\n',
  'market/coop.md':
    '---\nid: coop\nname: Hub Coop\nkind: nonprofit\nurl: https://coop.example.org\nreviewed: 2024-05-31\n' +
    'pricing:\n  - { item: Flat, amount: 1500, currency: CAD, per: month }\n' +
    '  - { item: Membership, amount: 24000, currency: CAD, per: year }\n' +
    '  - { item: Consulting, amount: 100, currency: CAD, per: hour }\n---\n\nNotes.\n',
  'market/seats.md':
    '---\nid: seats\nname: Seats Inc\nkind: commercial\nurl: https://seats.example.com\nreviewed: 2024-06-01\n' +
    'pricing:\n  - { item: Seat, amount: 9, currency: USD, per: user-month }\n---\n',
};

async function data(juneBill = ''): Promise<Repository> {
  const root = fixtureCopy('base');
  replaceIn(
    root,
    'ops.config.yaml',
    '    - { from: 2025-01, rate: 0.75 }\n',
    '    - { from: 2025-01, rate: 0.75 }\n    - { from: 2025-04, rate: 0.80 }\n',
  );
  replaceIn(
    root,
    'partners/alpha/cloud-costs.yaml',
    'amount: 200.00, currency: USD }\n',
    'amount: 200.00, currency: USD }\n- { month: 2025-04, hub: alpha-hub, amount: 100.00, currency: USD }\n' +
      '- { month: 2025-05, hub: alpha-hub, amount: 50.00, currency: USD }\n' +
      juneBill,
  );
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const { repo, problems } = await checkData(new FolderSource(root), { asOf: '2026-01-01' });
  expect(problems).toEqual([]);
  return repo;
}

const metrics = (repo: Repository, asOf: string) => metricsJson(computeFigures(repo, asOf));
const alphaCloud = (repo: Repository, asOf: string) =>
  metrics(repo, asOf).partners.find((p) => p.id === 'alpha')!.cloud_cost;

describe('cloud credits', () => {
  it('split evenly in minor units, the remainder to the first months', () => {
    const credit = { amount: 0.1, currency: 'USD' as const, from: '2025-03', to: '2025-05' };
    // 10 cents over 3 months: 4, 3, 3.
    expect(['2025-03', '2025-04', '2025-05', '2025-06'].map((m) => monthShare(credit, m).toFixed(2))).toEqual([
      '0.04',
      '0.03',
      '0.03',
      '0.00',
    ]);
  });

  it("take each month's part at that month's rate off the hub's cloud cost, never below 0", async () => {
    const repo = await data();
    // 300 CAD / 3 = 100 CAD a month. March: 100 × 0.75 = 75 off 200 -> 125. April (the new rate): 100 × 0.80 = 80
    // off 100 -> 20. May: 80 is more than the 50 billed -> 0; the 30 left is not carried over.
    expect(alphaCloud(repo, '2025-03-31')).toBe('125.00');
    expect(alphaCloud(repo, '2025-04-30')).toBe('20.00');
    expect(alphaCloud(repo, '2025-05-31')).toBe('0.00');
    // MRC falls by what was used: the recurring costs are the same in both months of the base fixture.
    const jv = (asOf: string) => metrics(repo, asOf).joint_ventures.find((j) => j.partner === 'vendorx')!;
    expect([jv('2025-03-31'), jv('2025-04-30'), jv('2025-05-31')].map((j) => j.credits_used)).toEqual([
      '75.00',
      '80.00',
      '50.00',
    ]);
  });
});

describe('cloud costs after credits everywhere (R4)', () => {
  it("take the credit off a contract's cloud costs in its margin", async () => {
    const f = computeFigures(await data(), '2025-04-30');
    // April: alpha-2025 bills alpha-hub, 100.00 billed less the 80.00 credit = 20.00 (not 100.00). Revenue:
    // hosting 1,000 + pass-through 100 × 1.10 = 1,110 (alpha is billed what the cloud bill says). Share: staff
    // 5,000, all alpha's (the only live hub), split over its 2 contracts in force in April (alpha-2025 and
    // alpha-extra from the 16th): 2,500. Margin 1,110 − 20 − 2,500 = −1,410.00 (−1,490.00 before the credit).
    const row = f.contractMargins.find((r) => r.contract === 'alpha-2025')!;
    expect([row.cloudCost, row.margin].map((d) => d.toFixed(2))).toEqual(['20.00', '-1410.00']);
  });

  it('compare the cloud costs after credits when looking for a jump', async () => {
    const repo = await data('- { month: 2025-06, hub: alpha-hub, amount: 100.00, currency: USD }\n');
    // After the credits: March 125, April 20, May 0, mean 145 / 3 = 48.33; June (no credit left) 100 is above
    // 1.2 × 48.33 = 58: a jump in what the hub costs us. On the bills alone the mean is 350 / 3 = 116.67 and
    // 100 would not be one.
    expect(metrics(repo, '2025-06-30').cloud_cost_anomalies).toEqual([
      { hub: 'alpha-hub', month: '2025-06', amount: '100.00', baseline: '48.33' },
    ]);
  });
});

describe('revenue share', () => {
  it('is the share of the prorated revenue of the contracts sold through the reseller', async () => {
    const repo = await data();
    // alpha-extra runs from 16 April: 15 of April's 30 days of 3,000 = 1,500; 10 % = 150. May: 3,000 and 300.
    expect(metrics(repo, '2025-04-30').joint_ventures.find((j) => j.partner === 'resellco')).toEqual({
      partner: 'resellco',
      revenue: '1500.00',
      share_paid: '150.00',
      credits_used: '0.00',
    });
    expect(metrics(repo, '2025-05-31').joint_ventures.find((j) => j.partner === 'resellco')!.share_paid).toBe('300.00');
  });
});

describe('market', () => {
  it("puts each price per user-month at 50, 500 and 5,000 users at M's rate; lists year-old reviews", async () => {
    const repo = await data();
    const m = metrics(repo, '2025-05-31').market;
    // May's CAD rate is 0.80. Flat 1,500 CAD a month = 1,200 USD: / 50 = 24, / 500 = 2.40, / 5,000 = 0.24.
    // 24,000 CAD a year = 19,200 USD: / 12 / 50 = 32, / 500 = 3.20, / 5,000 = 0.32. 100 CAD an hour = 80 USD.
    expect(m.prices).toEqual([
      {
        alternative: 'coop',
        item: 'Flat',
        per_user_month: { '50': '24.00', '500': '2.40', '5000': '0.24' },
        per_year: null,
        per_hour: null,
      },
      {
        alternative: 'coop',
        item: 'Membership',
        per_user_month: { '50': '32.00', '500': '3.20', '5000': '0.32' },
        per_year: '19200.00',
        per_hour: null,
      },
      {
        alternative: 'coop',
        item: 'Consulting',
        per_user_month: { '50': null, '500': null, '5000': null },
        per_year: null,
        per_hour: '80.00',
      },
      {
        alternative: 'seats',
        item: 'Seat',
        per_user_month: { '50': '9.00', '500': '9.00', '5000': '9.00' },
        per_year: null,
        per_hour: null,
      },
    ]);
    // The base fixture has no price book: there is no price of ours to put beside them.
    expect(m.book).toBeNull();
    // D − 365 days = 2024-05-31: reviewed on that day is stale; a day later is not.
    expect(m.stale_reviews).toEqual(['coop']);
    expect(metrics(repo, '2025-06-01').market.stale_reviews).toEqual(['coop', 'seats']);
  });
});

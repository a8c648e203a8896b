/**
 * Incomplete months (SPEC-3 R6) and one direction for every ratio (R5), on the base fixture made tiny by hand:
 * alpha-2025 (2025-03-01..2027-02-28, hub alpha-hub, pass-through cloud +10 %) bills hosting 1000/month and a
 * usage fee of 2.00 a user; staff cost 5000/month.
 *
 * | month   | cloud bill | users | MRR                                   | MRC          | ratio             |
 * |---------|-----------:|------:|---------------------------------------|--------------|-------------------|
 * | 2025-03 |     200.00 |    40 | 1000 + 80 + 220 = 1300.00             | 5200.00      | 4.0000            |
 * | 2025-04 |     300.00 |    50 | 1000 + 100 + 330 = 1430.00            | 5300.00      | 3.706293… 3.7063  |
 * | 2025-05 |          — |     — | 1000 (usage pending, no bill) 1000.00 | 5000.00      | 5.0000 (so far)   |
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { OverlaySource } from '../scripts/lib/edit/overlay-source.js';
import { incompleteMonth, isCompleteMonth, lastCompleteMonth } from '../scripts/lib/figures/completeness.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { dec } from '../scripts/lib/money/decimal.js';
import { costRatio, costRatioChange, costRatioWords } from '../scripts/lib/render/numbers.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { FIXTURES } from './helpers/fixtures.js';

const CONTRACT = 'partners/alpha/contracts/alpha-2025.yaml';
const contract = (cloud = 'pass-through, markup_pct: 10') =>
  'id: alpha-2025\npartner: alpha\nkind: service-agreement\nstatus: active\nsigned: 2025-02-01\n' +
  'start: 2025-03-01\nend: 2027-02-28\ncurrency: USD\nfees:\n' +
  '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }\n' +
  '  - { id: users, description: Active users, metered: mau, bands: [{ price: 2 }] }\n' +
  `cloud: { billing: ${cloud} }\nbilling: { every: month, in: advance }\nhubs: [alpha-hub]\n`;
const bills = (...rows: [string, number][]) =>
  rows.map(([month, amount]) => `- { month: ${month}, hub: alpha-hub, amount: ${amount}, currency: USD }\n`).join('');
const usage = (...rows: [string, number][]) =>
  rows.map(([month, n]) => `- { month: ${month}, hub: alpha-hub, active_users: ${n} }\n`).join('');

const TINY: Record<string, string> = {
  [CONTRACT]: contract(),
  'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200], ['2025-04', 300]),
  'partners/alpha/usage.yaml': usage(['2025-03', 40], ['2025-04', 50]),
};

async function figures(asOf: string, edits: Record<string, string> = {}) {
  const source = new OverlaySource(
    new FolderSource(join(FIXTURES, 'base')),
    new Map(Object.entries({ ...TINY, ...edits })),
  );
  const { problems, repo } = await checkData(source, { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { repo, f: computeFigures(repo, asOf) };
}

async function pages(asOf: string, edits: Record<string, string> = {}) {
  const { repo, f } = await figures(asOf, edits);
  const meta = { organization: 'Org', asOf, currency: 'USD', revision: 'r', sponsorFeePct: 0 };
  return new Map(renderReports(f, computeFigures(repo, previousMonthDate(asOf)), meta));
}

describe('incompleteMonth and lastCompleteMonth', () => {
  it("name the as-of month's missing cloud bill and usage, and the last month with nothing missing", async () => {
    const { f } = await figures('2025-05-20');
    expect(incompleteMonth(f.ctx, '2025-05')).toEqual([
      { kind: 'cloud-bill', month: '2025-05', partner: 'alpha', hub: 'alpha-hub' },
      { kind: 'usage', month: '2025-05', partner: 'alpha', contract: 'alpha-2025', hubs: ['alpha-hub'] },
    ]);
    expect(incompleteMonth(f.ctx, '2025-04')).toEqual([]);
    // Before the hub was launched and the contract began, nothing was expected.
    expect(incompleteMonth(f.ctx, '2025-02')).toEqual([]);
    expect(lastCompleteMonth(f.ctx)).toBe('2025-04');
  });

  it("count the as-of month's facts so far: recorded by D, the month is complete", async () => {
    const { f } = await figures('2025-05-20', {
      'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200], ['2025-04', 300], ['2025-05', 150]),
      'partners/alpha/usage.yaml': usage(['2025-03', 40], ['2025-04', 50], ['2025-05', 10]),
    });
    expect(incompleteMonth(f.ctx, '2025-05')).toEqual([]);
    expect(lastCompleteMonth(f.ctx)).toBe('2025-05');
  });

  it('expect a bill from a hub the organisation pays for: by its contract, or because it paid last month', async () => {
    // partner-pays: no bill expected from the contract; April is still expected, as March's bill was paid.
    const { f } = await figures('2025-05-20', {
      [CONTRACT]: contract('partner-pays'),
      'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200]),
    });
    expect(incompleteMonth(f.ctx, '2025-04')).toEqual([
      { kind: 'cloud-bill', month: '2025-04', partner: 'alpha', hub: 'alpha-hub' },
    ]);
    expect(incompleteMonth(f.ctx, '2025-05').map((m) => m.kind)).toEqual(['usage']);
  });

  it('expect no bill from a hub launched after the as-of date, even inside the month', async () => {
    const edits = {
      'partners/alpha/partner.md': readFileSync(join(FIXTURES, 'base/partners/alpha/partner.md'), 'utf8').replace(
        '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }',
        '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n' +
          '  - { id: alpha-two, cloud: gcp, launched: 2025-05-25 }',
      ),
      [CONTRACT]: contract().replace('hubs: [alpha-hub]', 'hubs: [alpha-hub, alpha-two]'),
      'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200], ['2025-04', 300], ['2025-05', 150]),
      'partners/alpha/usage.yaml': usage(['2025-03', 40], ['2025-04', 50], ['2025-05', 10]),
    };
    // Its usage is: the contract names the hub, and its usage fee is pending until every hub's is recorded.
    expect(incompleteMonth((await figures('2025-05-20', edits)).f.ctx, '2025-05')).toEqual([
      { kind: 'usage', month: '2025-05', partner: 'alpha', contract: 'alpha-2025', hubs: ['alpha-two'] },
    ]);
    // On the 31st the hub is live: its bill is expected too.
    expect(incompleteMonth((await figures('2025-05-31', edits)).f.ctx, '2025-05')).toEqual([
      { kind: 'cloud-bill', month: '2025-05', partner: 'alpha', hub: 'alpha-two' },
      { kind: 'usage', month: '2025-05', partner: 'alpha', contract: 'alpha-2025', hubs: ['alpha-two'] },
    ]);
  });
  it("list a month's missing bills by partner and hub, whatever the order of the hubs in partner.md", async () => {
    // alpha-a is listed after alpha-hub; neither has May's bill, and a hub whose bill is recorded is not listed.
    const edits = {
      'partners/alpha/partner.md': readFileSync(join(FIXTURES, 'base/partners/alpha/partner.md'), 'utf8').replace(
        '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }',
        '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n' +
          '  - { id: alpha-a, cloud: gcp, launched: 2025-03-01 }\n' +
          '  - { id: alpha-b, cloud: gcp, launched: 2025-03-01 }',
      ),
      [CONTRACT]: contract().replace('hubs: [alpha-hub]', 'hubs: [alpha-hub, alpha-a, alpha-b]'),
      'partners/alpha/cloud-costs.yaml':
        bills(['2025-03', 200], ['2025-04', 300]) + '- { month: 2025-05, hub: alpha-b, amount: 12, currency: USD }\n',
    };
    const { f } = await figures('2025-05-20', edits);
    expect(incompleteMonth(f.ctx, '2025-05').filter((m) => m.kind === 'cloud-bill')).toEqual([
      { kind: 'cloud-bill', month: '2025-05', partner: 'alpha', hub: 'alpha-a' },
      { kind: 'cloud-bill', month: '2025-05', partner: 'alpha', hub: 'alpha-hub' },
    ]);
    expect(isCompleteMonth(f.ctx, '2025-05')).toBe(false);
    // alpha-b's bill of May is the partner's cloud cost so far.
    expect(f.partners.find((p) => p.partner.id === 'alpha')!.cloudCost.toFixed(2)).toBe('12.00');
  });

  it('tell a complete month without listing it: the same answer, asked before or after the list', async () => {
    // partner-pays, March's bill only: April misses its bill, May its usage only (no bill expected), March nothing.
    const edits = { [CONTRACT]: contract('partner-pays'), 'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200]) };
    const months = ['2025-02', '2025-03', '2025-04', '2025-05'];
    const before = (await figures('2025-05-20', edits)).f.ctx;
    expect(months.map((m) => isCompleteMonth(before, m))).toEqual([true, true, false, false]);
    const after = (await figures('2025-05-20', edits)).f.ctx;
    expect(months.map((m) => incompleteMonth(after, m).length === 0)).toEqual([true, true, false, false]);
    expect(months.map((m) => isCompleteMonth(after, m))).toEqual([true, true, false, false]);
  });
});

describe('metrics keep the incomplete month and add the last complete one', () => {
  it('writes M so far, what is not recorded, and last_complete_month', async () => {
    const m = metricsJson((await figures('2025-05-20')).f);
    expect([m.mrr, m.mrc, m.cost_recovery_ratio]).toEqual(['1000.00', '5000.00', '5.0000']);
    expect(m.last_complete_month).toEqual({
      month: '2025-04',
      mrr: '1430.00',
      mrc: '5300.00',
      cost_recovery_ratio: '3.7063',
    });
    expect(m.not_recorded).toEqual([
      { kind: 'cloud-bill', month: '2025-05', partner: 'alpha', hub: 'alpha-hub' },
      { kind: 'usage', month: '2025-05', partner: 'alpha', contract: 'alpha-2025', hubs: ['alpha-hub'] },
    ]);
    expect(m.cost_recovery_trend.slice(-3)).toEqual([
      { month: '2025-03', mrr: '1300.00', mrc: '5200.00', ratio: '4.0000', incomplete: false },
      { month: '2025-04', mrr: '1430.00', mrc: '5300.00', ratio: '3.7063', incomplete: false },
      { month: '2025-05', mrr: '1000.00', mrc: '5000.00', ratio: '5.0000', incomplete: true },
    ]);
    // alpha's own bill and usage of May are missing: no ratio (a missing bill would read as costs falling).
    expect(m.partners[0]).toEqual({
      id: 'alpha',
      revenue: '1000.00',
      cloud_cost: null,
      shared_cost: '5000.00',
      cost_recovery_ratio: null,
      recovery_note: 'not recorded',
    });
  });

  it('goes back as far as the data needs: every month after a gap in the bills stays incomplete', async () => {
    // alpha's bills and usage stop after April 2025: each month since misses them.
    const { f } = await figures('2027-02-15');
    expect(metricsJson(f).last_complete_month).toMatchObject({ month: '2025-04', mrr: '1430.00' });
    const meta = { organization: 'O', asOf: f.asOf, currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    expect(new Map(renderReports(f, f, meta)).get('README.md')).toContain(
      '> MRR, MRC and the cost recovery ratio below are those of **2025-04**, the last complete month; ' +
        "2027-02's figures so far are beside them, marked incomplete. The months from 2025-05 to 2027-01 miss " +
        'cloud bills or usage too.',
    );
  });
});

describe('the ratio in words', () => {
  it('two decimals and a whole percent, rounded half up, with the same digits', () => {
    expect(costRatio(dec(870).dividedBy(1000))).toBe('0.87 (costs are 87 % of revenue)');
    expect(costRatio(dec('0.875'))).toBe('0.88 (costs are 88 % of revenue)');
    expect(costRatio(dec('0.8749'))).toBe('0.87 (costs are 87 % of revenue)');
    expect(costRatio(dec(5300).dividedBy(1430))).toBe('3.71 (costs are 371 % of revenue)');
    expect(costRatioWords(dec('123.456'))).toBe('costs are 12,346 % of revenue');
    expect(costRatio(dec(0))).toBe('0.00 (costs are 0 % of revenue)');
    expect(costRatio(undefined)).toBe('no ratio: no revenue');
  });

  it('says a falling ratio is better and a rising one worse', () => {
    expect(costRatioChange(dec(4), dec(5300).dividedBy(1430))).toBe('-0.29, better');
    expect(costRatioChange(dec('0.87'), dec('0.95'))).toBe('+0.08, worse');
    expect(costRatioChange(dec('0.871'), dec('0.874'))).toBe('±0.00, unchanged');
    expect(costRatioChange(undefined, dec(1))).toBe('n/a');
  });
});

describe('reports of an incomplete month', () => {
  it('lead the dashboard with the last complete month, named, and M so far beside it under an alert', async () => {
    const readme = (await pages('2025-05-20')).get('README.md')!;
    expect(readme).toContain(
      [
        '> [!WARNING]',
        '> **2025-05 is incomplete.** Not recorded yet, so its figures so far leave them out:',
        '>',
        '> - the cloud bill of hub `alpha-hub` (Alpha University)',
        '> - the usage (monthly active users) of contract `alpha-2025` on hub `alpha-hub` (Alpha University)',
        '>',
        "> MRR, MRC and the cost recovery ratio below are those of **2025-04**, the last complete month; 2025-05's " +
          'figures so far are beside them, marked incomplete.',
        '',
        '| figure | 2025-04 (last complete month) | change since 2025-03 | 2025-05 so far (incomplete) |',
        '|---|---:|---:|---:|',
        '| Monthly recurring revenue (MRR) | 1,430.00 | +130.00 | 1,000.00, incomplete |',
        '| Monthly recurring costs (MRC) | 5,300.00 | +100.00 | 5,000.00, incomplete |',
        '| Cost recovery ratio (MRC ÷ MRR), lower is better: below 1, recurring revenue covers recurring costs | ' +
          '3.71 (costs are 371 % of revenue) | -0.29, better | 5.00 (costs are 500 % of revenue), incomplete |',
      ].join('\n'),
    );
    // The chart marks the month; its axis says which way is better.
    expect(readme).toContain('"2025-04", "2025-05*"]');
    expect(readme).toContain('y-axis "costs / revenue, lower is better"');
  });

  it('show a missing bill as "not recorded" on the partner page, with no ratio for the month', async () => {
    const alpha = (await pages('2025-05-20')).get('partners/alpha.md')!;
    expect(alpha).toContain('| 2025-04 | 1,430.00 | 300.00 | 5,000.00 | 3.71 (costs are 371 % of revenue) |');
    expect(alpha).toContain('| 2025-05 (incomplete) | 1,000.00 | not recorded | 5,000.00 | not recorded |');
    expect(alpha).toContain('> **2025-05 is incomplete** for this partner');
  });

  it('lead with M itself once nothing is missing', async () => {
    const readme = (
      await pages('2025-05-20', {
        'partners/alpha/cloud-costs.yaml': bills(['2025-03', 200], ['2025-04', 300], ['2025-05', 150]),
        'partners/alpha/usage.yaml': usage(['2025-03', 40], ['2025-04', 50], ['2025-05', 10]),
      })
    ).get('README.md')!;
    expect(readme).not.toContain('[!WARNING]');
    expect(readme).not.toContain('(incomplete)');
    expect(readme).not.toContain('A month marked *');
    // May: MRR 1000 + 20 + 165 = 1185.00; MRC 5150.00; 5150 / 1185 = 4.3459… → 4.35, up from 3.7063: +0.64.
    expect(readme).toContain('| figure | 2025-05 | change since 2025-04 |');
    expect(readme).toContain('| Monthly recurring revenue (MRR) | 1,185.00 | -245.00 |');
    expect(readme).toContain('| 4.35 (costs are 435 % of revenue) | +0.64, worse |');
  });
});

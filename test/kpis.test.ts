/**
 * The business-development KPIs (SPEC-2 C) on test/fixtures/kpis as of 2026-06-15, worked out by hand.
 *
 * Partners (source; milestones):
 *   p-edge-out website; first_contact 2025-06-15 (exactly a year before D), qualified 2025-07-01
 *   p-edge-in  website; first_contact 2026-06-15 (on D)
 *   p-q1       referral; first_contact 2025-06-16, qualified 2025-07-01
 *   p-late     (none); first_contact 2026-01-10, qualified 2026-06-20 (after D: not yet)
 *   r1 referral 2024-10-01 → qualified 10-11 → signed 2024-12-10 (70 days)
 *   r2 referral 2024-11-01 → qualified 11-21 → signed 2025-01-20 (80 days)
 *   r3 conference, lost: 2024-12-01 → qualified 12-31 → signed 2025-03-15 (104 days)
 *   r4 conference, churned: 2024-06-01 → signed 2024-12-20 (202 days)
 *   r5 referral 2025-03-01 → signed 2025-06-01 (92 days)
 *   r6 conference 2025-01-06 → signed 2025-07-20 (195 days)
 *   d1 conference 2025-05-02 → qualified 2025-06-01 → proposal 2026-03-01, no contract
 * Contracts (all USD, fees per month unless said):
 *   r1-2025 2025-01-01..2026-01-31 1000; r1-2026 2026-03-03..2027-03-02 1000 (starts end + 31)
 *   r2-2025 2025-02-01..2026-02-28 2000; r2-2026 2026-04-01..2026-09-15 2000 (starts end + 32)
 *   r3-2025 2025-04-01..2026-03-31 700 (partner lost); draft r3-2026 from 2026-07-01, 500
 *   r4-2023 2025-01-01..2025-12-15 900; r4-2024 2025-12-16..2026-12-31 900, terminated 2026-01-10
 *   r5-2025 2025-06-16..2026-06-15 12000/year; r5-2026 2026-06-16..2027-06-15 12000/year
 *   r6-2025 2025-08-01..2026-07-31 1500; draft r6-2026 2026-08-01..2027-07-31 1500
 *   draft d1-2026 2026-10-16..2027-10-15 3100
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { windowEnding } from '../scripts/lib/time/window.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { headline } from '../scripts/lib/figures/headline.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy, replaceIn } from './helpers/fixtures.js';
import { git } from './helpers/git-history.js';

const D = '2026-06-15';

async function figuresOf(root: string, asOf = D) {
  const { problems, repo } = await checkData(new FolderSource(root), { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return computeFigures(repo, asOf);
}

const metricsOf = async (root: string, asOf = D) => metricsJson(await figuresOf(root, asOf));
const KPIS = join(FIXTURES, 'kpis');

describe('lead qualification ratio', () => {
  it('counts leads first contacted after D − 1 year up to D, qualified by D', async () => {
    const f = await figuresOf(KPIS);
    // Window (2025-06-15, 2026-06-15]: p-edge-out's first contact is exactly a year before D, so outside;
    // p-edge-in's is on D, so inside. Leads p-edge-in, p-q1, p-late; only p-q1 is qualified by D
    // (p-late's 2026-06-20 is after D) → 1 / 3 = 0.3333.
    expect(f.lqr.leads.sort()).toEqual(['p-edge-in', 'p-late', 'p-q1']);
    expect(f.lqr.qualified).toEqual(['p-q1']);
    expect(metricsJson(f).lqr).toBe('0.3333');
  });

  it('a day earlier: the contact a year before is inside, the one on D not yet made', async () => {
    // Window (2025-06-14, 2026-06-14]: p-edge-out, p-q1, p-late; p-edge-out and p-q1 qualified → 2 / 3.
    const f = await figuresOf(KPIS, '2026-06-14');
    expect(f.lqr.leads.sort()).toEqual(['p-edge-out', 'p-late', 'p-q1']);
    expect(metricsJson(f).lqr).toBe('0.6667');
  });

  it('is null with no lead in the window, and the renewal rate null with no contract ended', async () => {
    // 2024-05-01: no partner had been contacted yet.
    const m = await metricsOf(KPIS, '2024-05-01');
    expect([m.lqr, m.renewal_rate, m.churn_rate]).toEqual([null, null, null]);
  });

  it('takes "one year before 29 February" as 28 February, the last day of that month', () => {
    expect(windowEnding('2028-02-29', 12)).toEqual({ after: '2027-02-28', to: '2028-02-29' });
    expect(windowEnding('2027-02-28', 12)).toEqual({ after: '2026-02-28', to: '2027-02-28' });
    expect(windowEnding('2026-08-31', 6)).toEqual({ after: '2026-02-28', to: '2026-08-31' });
  });
});

describe('renewal rate', () => {
  it('renewed by a contract starting by end + 31; lost partners, ends outside the window left out', async () => {
    const m = await metricsOf(KPIS);
    // Window (2025-12-15, 2026-06-15]. r4-2023 ends 2025-12-15: outside. r3-2025 (2026-03-31): partner lost.
    // r4-2024 ends at its termination 2026-01-10, no renewal; r1-2026 starts 2026-01-31 + 31 = 2026-03-03: renewed;
    // r2-2026 starts 2026-02-28 + 32 = 2026-04-01: not; r5-2026 starts the day after r5-2025 ends on D: renewed.
    expect(m.renewal_outcomes).toEqual([
      { contract: 'r4-2024', end: '2026-01-10', renewed_by: null },
      { contract: 'r1-2025', end: '2026-01-31', renewed_by: 'r1-2026' },
      { contract: 'r2-2025', end: '2026-02-28', renewed_by: null },
      { contract: 'r5-2025', end: '2026-06-15', renewed_by: 'r5-2026' },
    ]);
    // 2 / 4; churn 1 − 0.5.
    expect([m.renewal_rate, m.churn_rate]).toEqual(['0.5000', '0.5000']);
  });

  it('a renewal starting exactly end + 31 days counts', async () => {
    const root = fixtureCopy('kpis');
    // r2-2026 from 2026-03-31 = 2026-02-28 + 31: renewed → 3 / 4.
    replaceIn(root, 'partners/r2/contracts/r2-2026.yaml', 'start: 2026-04-01', 'start: 2026-03-31');
    const m = await metricsOf(root);
    expect(m.renewal_rate).toBe('0.7500');
    expect(m.churn_rate).toBe('0.2500');
  });

  it('counts the partner once it is no longer lost', async () => {
    const root = fixtureCopy('kpis');
    replaceIn(root, 'partners/r3/partner.md', 'stage: lost', 'stage: churned');
    // r3-2025 (ended 2026-03-31, no renewal) joins: 2 / 5.
    expect((await metricsOf(root)).renewal_rate).toBe('0.4000');
  });
});

describe('forecast MRR', () => {
  it('committed + 0.8 × up for renewal + 0.3 × drafts for the six months after M', async () => {
    const m = await metricsOf(KPIS);
    // CMRR (the projection's committed): r1 1000 + r5 12000/12 every month; r6-2025 1500 in July;
    //   r2-2026 2000 to 2026-09-15: September 2000 × 15/30 = 1000.
    // RMRR: r2-2026 ends mid-horizon with no later contract: its 2000 a month from October.
    //   r6-2025 ends in July but its draft renewal r6-2026 is a later contract: not up for renewal.
    //   r5-2025 ended on D, renewed; r3 is lost; r4 churned.
    // NMRR: r6-2026 1500 from August; d1-2026 from 2026-10-16: October 3100 × 16/31 = 1600, then 3100;
    //   the lost partner's draft r3-2026 does not count.
    expect(m.fmrr).toEqual([
      { month: '2026-07', cmrr: '5500.00', rmrr: '0.00', nmrr: '0.00', fmrr: '5500.00' },
      { month: '2026-08', cmrr: '4000.00', rmrr: '0.00', nmrr: '1500.00', fmrr: '4450.00' }, // 4000 + 0.3 × 1500
      { month: '2026-09', cmrr: '3000.00', rmrr: '0.00', nmrr: '1500.00', fmrr: '3450.00' },
      { month: '2026-10', cmrr: '2000.00', rmrr: '2000.00', nmrr: '3100.00', fmrr: '4530.00' }, // + 1600 + 930
      { month: '2026-11', cmrr: '2000.00', rmrr: '2000.00', nmrr: '4600.00', fmrr: '4980.00' }, // + 1600 + 1380
      { month: '2026-12', cmrr: '2000.00', rmrr: '2000.00', nmrr: '4600.00', fmrr: '4980.00' },
    ]);
    // 5500 + 4450 + 3450 + 4530 + 4980 + 4980
    expect(m.fmrr_6).toBe('27890.00');
    // CMRR is the projection's committed figure, not a second computation.
    expect(m.fmrr.map((x) => x.cmrr)).toEqual(m.projection.slice(0, 6).map((p) => p.committed));
  });

  it('counts a per-term fee up for renewal at a whole month of its last month', async () => {
    const root = fixtureCopy('kpis');
    // r2-2026 at 16800 for its 168 days (2026-04-01..09-15): 100 a day. CMRR July and August 3100, September
    // 15 days = 1500; RMRR from October = a whole September, 30 × 100 = 3000 (not the 1500 it earned).
    replaceIn(root, 'partners/r2/contracts/r2-2026.yaml', 'amount: 2000, per: month', 'amount: 16800, per: term');
    const m = await metricsOf(root);
    expect(m.fmrr.map((x) => [x.cmrr, x.rmrr])).toEqual([
      ['6600.00', '0.00'],
      ['5100.00', '0.00'],
      ['3500.00', '0.00'],
      ['2000.00', '3000.00'],
      ['2000.00', '3000.00'],
      ['2000.00', '3000.00'],
    ]);
    // 6600 + (5100 + 450) + (3500 + 450) + 3 × 2000 + 3 × 2400 + (930 + 1380 + 1380)
    expect(m.fmrr_6).toBe('32990.00');
  });

  it('is net of the fiscal sponsor fee, like every revenue figure', async () => {
    const root = fixtureCopy('kpis');
    replaceIn(
      root,
      'ops.config.yaml',
      'reporting_currency: USD',
      'reporting_currency: USD\nfiscal_sponsor_fee_pct: 10',
    );
    // CMRR, RMRR and NMRR each × 0.9: 27890 × 0.9.
    expect((await metricsOf(root)).fmrr_6).toBe('25101.00');
  });

  it('reads its weights from ops.config.yaml', async () => {
    const root = fixtureCopy('kpis');
    replaceIn(
      root,
      'ops.config.yaml',
      'reporting_currency: USD',
      'reporting_currency: USD\nfmrr_renewal_weight: 0.5\nfmrr_new_weight: 0',
    );
    // CMRR 5500 + 4000 + 3000 + 3 × 2000 = 18500; + 0.5 × 3 × 2000 = 21500.
    expect((await metricsOf(root)).fmrr_6).toBe('21500.00');
  });
});

describe('lead sources and cohorts', () => {
  it('per source: leads, share signed, median days to sign; partners without a source under (none)', async () => {
    const m = await metricsOf(KPIS);
    expect(m.lead_sources).toEqual([
      { source: 'website', leads: 2, signed_share: '0.0000', median_days_to_sign: null },
      // p-q1, r1, r2, r5: 3 signed; median of 70, 80, 92
      { source: 'referral', leads: 4, signed_share: '0.7500', median_days_to_sign: 80 },
      // r3, r4, r6, d1: 3 signed (lost r3 too: it did sign); median of 104, 195, 202
      { source: 'conference', leads: 4, signed_share: '0.7500', median_days_to_sign: 195 },
      { source: '(none)', leads: 1, signed_share: '0.0000', median_days_to_sign: null },
    ]);
  });

  it('milestone medians per quarter of first contact', async () => {
    const m = await metricsOf(KPIS);
    expect(m.cohorts.map((c) => [c.quarter, c.leads])).toEqual([
      ['2024-Q2', 1],
      ['2024-Q4', 3],
      ['2025-Q1', 2],
      ['2025-Q2', 3],
      ['2026-Q1', 1],
      ['2026-Q2', 1],
    ]);
    // 2024-Q4: r1 10, r2 20, r3 30 days to qualify: median 20; p90 at rank 1.8: 20 + 0.8 × 10 = 28.
    expect(m.cohorts[1].milestone_days['first_contact->qualified']).toEqual({ median: 20, p90: 28, n: 3 });
    // 2025-Q2: p-edge-out 16, p-q1 15, d1 30 → median 16; d1 qualified → proposal 273 days.
    expect(m.cohorts[3].milestone_days['first_contact->qualified']).toMatchObject({ median: 16, n: 3 });
    expect(m.cohorts[3].milestone_days['qualified->proposal_sent']).toEqual({ median: 273, p90: 273, n: 1 });
  });
});

describe('reports', () => {
  it('pipeline.md and the dashboard show the KPIs beside their targets', async () => {
    const { repo } = await checkData(new FolderSource(KPIS), { asOf: D });
    const meta = { organization: 'Org', asOf: D, currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    const reports = new Map(renderReports(computeFigures(repo, D), computeFigures(repo, '2026-05-15'), meta));
    const pipeline = reports.get('pipeline.md')!;
    expect(pipeline).toContain(
      '| [Lead qualification ratio](../docs/figures.md#lead-qualification-ratio) | leads first contacted ' +
        '2025-06-15 (exclusive) to 2026-06-15 | 0.3333 | 1 of 3 qualified | 0.1500 | on target |',
    );
    expect(pipeline).toContain(
      '| [Renewal rate](../docs/figures.md#renewal-rate) | contracts ending 2025-12-15 (exclusive) to 2026-06-15 | ' +
        '0.5000 | 2 of 4 renewed; churn 0.5000 | 0.8000 | below target |',
    );
    expect(pipeline).toContain('| **next 6 months together** | | | | **27,890.00** |');
    expect(pipeline).toContain('| referral | 4 | 3 | 0.7500 | 80 | — |');
    // The funnel: bars drawn largest first, each leaving one more source out (website, referral, conference, none).
    expect(pipeline).toContain('  bar [11, 9, 7, 6, 0, 0]\n  bar [9, 8, 7, 6, 0, 0]\n  bar [5, 4, 4, 3, 0, 0]\n');
    const dashboard = reports.get('README.md')!;
    expect(dashboard).toContain(
      '| [Lead qualification ratio, last 12 months (target 0.1500)](../docs/figures.md#lead-qualification-ratio) ' +
        '| 0.3333 |',
    );
    expect(dashboard).toContain(
      '| [Renewal rate, last 6 months (target 0.8000)](../docs/figures.md#renewal-rate) | 0.5000 |',
    );
    expect(dashboard).toContain(
      '| [Forecast monthly recurring revenue, next 6 months together]' +
        '(../docs/figures.md#forecast-monthly-recurring-revenue) | 27,890.00 |',
    );
  });
});

describe('npm run diff', () => {
  it('shows a pull request changing LQR, renewal rate and FMRR₆', async () => {
    const dir = fixtureCopy('kpis');
    const commit = (message: string) => {
      git(dir, ['add', '-A']);
      git(dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', message]);
    };
    git(dir, ['init', '-q', '-b', 'main']);
    commit('base');
    // p-late qualified by D: 2 of 3 leads. r2-2026 from end + 31: 3 of 4 renewed.
    replaceIn(dir, 'partners/p-late/partner.md', 'qualified: 2026-06-20', 'qualified: 2026-06-10');
    replaceIn(dir, 'partners/r2/contracts/r2-2026.yaml', 'start: 2026-04-01', 'start: 2026-03-31');
    // d1's draft doubles: NMRR +1600 (October) +3100 +3100 = 7800, × 0.3 = +2340.
    replaceIn(dir, 'partners/d1/contracts/d1-2026.yaml', 'amount: 3100', 'amount: 6200');
    commit('head');
    const r = await runCli('diff', ['--root', dir, '--base', 'HEAD~1', '--head', 'HEAD', '--as-of', D]);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      '| Lead qualification ratio, last 12 months (target 0.1500) | 0.3333 | 0.6667 | **+0.3333** |',
    );
    expect(lines).toContain('| Renewal rate, last 6 months (target 0.8000) | 0.5000 | 0.7500 | **+0.2500** |');
    expect(lines).toContain(
      '| Forecast monthly recurring revenue, next 6 months together | 27,890.00 | 30,230.00 | **+2,340.00** |',
    );
    // Nothing else in the headline moved (r2-2026 starting a day earlier changes no month after March).
    expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| figure'))).toHaveLength(3);
  });
});

describe('settings', () => {
  it('defaults the targets and weights, and refuses a percentage written as 15, at its line', async () => {
    const { repo } = await checkData(new FolderSource(KPIS), { asOf: D });
    const { lqr_target, renewal_target, fmrr_renewal_weight, fmrr_new_weight } = repo.config;
    expect([lqr_target, renewal_target, fmrr_renewal_weight, fmrr_new_weight]).toEqual([0.15, 0.8, 0.8, 0.3]);
    const root = fixtureCopy('kpis');
    replaceIn(root, 'ops.config.yaml', 'reporting_currency: USD', 'reporting_currency: USD\nlqr_target: 15');
    const { problems } = await checkData(new FolderSource(root), { asOf: D });
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule, p.severity])).toEqual([
      ['ops.config.yaml', 4, 13, 'value-range', 'error'],
    ]);
    expect(problems[0].message).toMatch(/^'lqr_target' is 15 but must be at most 1\. /);
  });
});

describe('headline', () => {
  it('computes only the figures of the headlines asked for', async () => {
    const f = await figuresOf(KPIS);
    const rows = headline(f, (key) => key === 'renewals' || key === 'lqr');
    expect(rows.map((h) => h.key)).toEqual(['renewals', 'lqr']);
    // A figure is computed when first read (computeFigures): MRR's, NPS's and the forecast's never were.
    const computed = (key: string) => Object.getOwnPropertyDescriptor(f, key)?.get === undefined;
    expect(['renewals', 'lqr', 'recovery', 'nps', 'fmrr'].map(computed)).toEqual([true, true, false, false, false]);
    // All of them, in their order, when none is singled out.
    expect(headline(f).map((h) => h.key)).toEqual([
      'mrr',
      'mrc',
      'cost_recovery_ratio',
      'receivables',
      'overdue',
      'unbilled',
      'renewals',
      'deliverables_overdue',
      'nps',
      'declining_usage',
      'lqr',
      'renewal_rate',
      'fmrr_6',
      'stale_partners',
    ]);
  });
});

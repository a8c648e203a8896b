/**
 * Every SPEC figure on test/fixtures/figures at 2026-03-15, worked out by
 * hand (the arithmetic is in the comments; March 2026 has 31 days).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { FIXTURES } from './helpers/fixtures.js';

async function metricsAt(asOf: string) {
  const { problems, repo } = await checkData(new FolderSource(join(FIXTURES, 'figures')), { asOf });
  expect(problems).toEqual([]);
  return metricsJson(computeFigures(repo, asOf));
}

describe('figures at 2026-03-15', async () => {
  const m = await metricsAt('2026-03-15');

  it('MRR: prorated fees, pass-through cloud with markup, CAD at the new rate', () => {
    // c1: 3100/month + 9000/quarter ÷ 3                        = 6100.00
    // c1 pass-through: (1000 + 200) × 1.10                     = 1320.00
    // c2: 12000 CAD/year ÷ 12 × 16/31 days (starts 03-16) × 0.80 = 412.903225…
    // c3: 3100 × 10/31 (terminated 03-10)                      = 1000.00
    // drafts c5, c6 never count                                 = 8832.903225… → 8832.90
    expect(m.mrr).toBe('8832.90');
    expect(m.currency).toBe('USD');
  });

  it('MRC: recurring costs prorated and converted, plus cloud costs', () => {
    // staff 3000 + tools 1200/12 = 100 + contractor 900 CAD/3 × 0.80 = 240
    // + office 620 × 15/31 (ends 03-15) = 300 → 3640; cloud 1000 + 200 = 1200
    expect(m.mrc).toBe('4840.00');
  });

  it('cost recovery ratio = MRC / MRR to 4 decimals, and its trend', () => {
    // 4840 / 8832.903225… = 0.547950… → 0.5480
    expect(m.cost_recovery_ratio).toBe('0.5480');
    expect(m.cost_recovery_trend).toHaveLength(12);
    expect(m.cost_recovery_trend[0].month).toBe('2025-04');
    // Dec 2025: MRR c1 6100 + c3 3100 = 9200; MRC 3000 + 100 + 620 = 3720 (contractor starts in Jan) → 0.404347…
    // Jan 2026: MRR 9200; MRC 3720 + 900 CAD/3 × 0.75 = 3945 → 0.428804…
    // Feb 2026: MRR 6100 + 900 × 1.1 + 3100 = 10190; MRC 3945 + cloud 900 = 4845 → 0.475466…
    // Every month is incomplete: p3's hub h4 (cloud included in c3) has no bill recorded, and neither has
    // p1's h1 before February.
    expect(m.cost_recovery_trend.slice(8)).toEqual([
      { month: '2025-12', mrr: '9200.00', mrc: '3720.00', ratio: '0.4043', incomplete: true },
      { month: '2026-01', mrr: '9200.00', mrc: '3945.00', ratio: '0.4288', incomplete: true },
      { month: '2026-02', mrr: '10190.00', mrc: '4845.00', ratio: '0.4755', incomplete: true },
      { month: '2026-03', mrr: '8832.90', mrc: '4840.00', ratio: '0.5480', incomplete: true },
    ]);
    expect(m.not_recorded).toEqual([{ kind: 'cloud-bill', month: '2026-03', partner: 'p3', hub: 'h4' }]);
  });

  it('per-partner costs ÷ revenue, recurring costs shared per live hub', () => {
    // live hubs in March as known on 03-15: h1, h2 (p1), h4 (p3, decommissioned 03-10); h3 (p2) launches
    // on 03-16, after the as-of date, so it is not live yet → 3640 / 3 = 1213.333… each
    // p1: (1200 + 2426.666…) / 7420 = 0.488769…; p2: no costs yet, 0 / 412.90 = 0;
    // p3: h4's March bill is not recorded (c3 includes the cloud), so no ratio — 1213.33 / 1000 would read as
    // better than it is.
    expect(m.partners.slice(0, 3)).toEqual([
      {
        id: 'p1',
        revenue: '7420.00',
        cloud_cost: '1200.00',
        shared_cost: '2426.67',
        cost_recovery_ratio: '0.4888',
        recovery_note: null,
      },
      {
        id: 'p2',
        revenue: '412.90',
        cloud_cost: '0.00',
        shared_cost: '0.00',
        cost_recovery_ratio: '0.0000',
        recovery_note: null,
      },
      {
        id: 'p3',
        revenue: '1000.00',
        cloud_cost: null,
        shared_cost: '1213.33',
        cost_recovery_ratio: null,
        recovery_note: 'not recorded',
      },
    ]);
    expect(m.partners[3]).toEqual({
      id: 'p4',
      revenue: '0.00',
      cloud_cost: '0.00',
      shared_cost: '0.00',
      cost_recovery_ratio: null,
      recovery_note: 'no revenue',
    });
  });

  it('receivables: each aging boundary, payments after the as-of date ignored', () => {
    // A-0 k=0 current 100 (its payment is dated 03-20); A-1 k=1 and A-30 k=30 (300 − 100) → 1-30: 200 + 200
    // → 31-60: 400 + 500; → 61-90: 600 + 700; A-91 → 90+: 800
    // void, draft and later-issued invoices are not receivables
    expect(m.receivables).toEqual({
      outstanding: '3500.00',
      buckets: { current: '100.00', '1-30': '400.00', '31-60': '900.00', '61-90': '1300.00', '90+': '800.00' },
      overdue_invoices: ['A-91', 'A-90', 'A-61', 'A-60', 'A-31', 'A-30', 'A-1'],
    });
  });

  it('unbilled: periods due to be invoiced that no non-void invoice covers', () => {
    // c3 monthly arrears: Dec and Jan covered (Jan by two invoices together); Feb only to 02-14;
    //   03-01..03-10 (cut at termination) covered only by a void invoice
    // c1 monthly advance: March has started and is not invoiced
    // c2 quarterly arrears: its first quarter has not ended
    expect(m.unbilled).toEqual([
      // 3,100/month hosting: a whole month
      { contract: 'c3', kind: 'fee', from: '2026-02-01', to: '2026-02-28', amount: '3100.00', currency: 'USD' },
      // 3,100/month hosting + 9,000/quarter support (3,000 a month)
      { contract: 'c1', kind: 'fee', from: '2026-03-01', to: '2026-03-31', amount: '6100.00', currency: 'USD' },
      // cut at termination: 3,100 × 10/31 = 1,000.00
      { contract: 'c3', kind: 'fee', from: '2026-03-01', to: '2026-03-10', amount: '1000.00', currency: 'USD' },
    ]);
  });

  it('renewals with notice deadline', () => {
    // c1 ends 2026-05-31 ≤ 03-15 + 90 days (06-13); notice 30 days before
    expect(m.renewals).toEqual([{ contract: 'c1', end: '2026-05-31', notice_by: '2026-05-01' }]);
  });

  it('deliverables: overdue, due soon (both boundaries), on-time rate', () => {
    // d3 due 03-14 overdue; d4 due 03-15 and d5 due 04-14 (= +30) due soon; d6 (+31) not; d7 dropped
    // done: d1 on time, d2 late → 1/2
    expect(m.deliverables).toEqual({ overdue: ['g1/d3'], due_soon: ['g1/d4', 'g1/d5'], on_time_rate: 0.5 });
  });

  it('onboarding progress, days in stage, milestone medians and p90', () => {
    // p2: recorded as active, but onboarding_complete (04-01) is after the as-of date, so on 03-15 it was
    // still onboarding: no checklist item done → 0; contract_signed 2025-07-20 → 11 + 31 + 30 + 31 + 30 + 31 + 31 +
    // 28 + 15 = 238 days
    // p4: kickoff, deployed done; trained is dated after the as-of date → 2/4; signed 02-01 → 28 + 14 = 42 days
    // first_contact→qualified: [10, 20, 30, 40] → median 25, p90 at rank 2.7 → 30 + 0.7 × 10 = 37
    // qualified→proposal_sent: [7, 14, 21, 23] → 17.5, rank 2.7 → 21 + 0.7 × 2 = 22.4
    // proposal_sent→contract_signed: [15, 30, 45, 60] → 37.5, 45 + 0.7 × 15 = 55.5
    // contract_signed→hub_live: [10, 20, 30] → 20, rank 1.8 → 20 + 0.8 × 10 = 28
    // hub_live→onboarding_complete: [40, 57] (p2's is after the as-of date) → 48.5, 40 + 0.9 × 17 = 55.3
    // onboarding_complete→churned: p3 2024-12-01 → 2026-03-11 = 365 + 90 + 10 = 465
    expect(m.onboarding).toEqual({
      partners: [
        { id: 'p2', progress: 0, days_in_stage: 238 },
        { id: 'p4', progress: 0.5, days_in_stage: 42 },
      ],
      milestone_days: {
        'first_contact->qualified': { median: 25, p90: 37, n: 4 },
        'qualified->proposal_sent': { median: 17.5, p90: 22.4, n: 4 },
        'proposal_sent->contract_signed': { median: 37.5, p90: 55.5, n: 4 },
        'contract_signed->hub_live': { median: 20, p90: 28, n: 3 },
        'hub_live->onboarding_complete': { median: 48.5, p90: 55.3, n: 2 },
        'onboarding_complete->churned': { median: 465, p90: 465, n: 1 },
      },
    });
  });

  it('NPS per survey, negative halves rounded away from zero', () => {
    // s1: 3 promoters, 2 detractors of 6 → 16.67 → 17
    // s2: 1 promoter (9), 2 detractors (5, 5) of 8 → −12.5 → −13; s3 is answered after the as-of date
    expect(m.nps).toEqual([
      { survey: 's1', score: 17, responses: 6 },
      { survey: 's2', score: -13, responses: 8 },
    ]);
  });

  it('declining usage, not flagged when a month before is missing', () => {
    // p1: March 60 + 0 < 0.7 × mean(100, 100, 100); p3 drops 50 → 10 but January is missing
    expect(m.declining_usage).toEqual(['p1']);
  });

  it('is the same on a second run', async () => {
    expect(JSON.stringify(await metricsAt('2026-03-15'))).toBe(JSON.stringify(m));
  });
});

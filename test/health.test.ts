/**
 * Engagement health, lapsed agreements, the offboarding timeline and cloud
 * cost anomalies (SPEC-2 B), worked out by hand on copies of the base fixture.
 *
 * The base: alpha (active) has alpha-2025, signed, 2025-03-01..2027-02-28,
 * hub alpha-hub launched 2025-03-01; invoice A-2 (issued 2025-04-01, net 30,
 * so due 2025-05-01) has 600.00 outstanding; one NPS response, 9 on
 * 2025-03-28. beta is a proposal (no health). `paid()` pays A-2 in full so
 * that each signal can be seen alone.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import type { History } from '../scripts/lib/load/history.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { fixtureCopy, replaceIn } from './helpers/fixtures.js';

const ALPHA = 'partners/alpha';

function base(): string {
  return fixtureCopy('base');
}

/** A-2 paid in full on 2025-04-20: alpha owes nothing. */
function paid(root = base()): string {
  replaceIn(
    root,
    `${ALPHA}/invoices.yaml`,
    'status: sent\n  payments:\n    - { date: 2025-04-20, amount: 400.00 }',
    'status: paid\n  payments:\n    - { date: 2025-04-20, amount: 1000.00 }',
  );
  return root;
}

async function metrics(root: string, asOf: string, history?: History) {
  const { problems, repo } = await checkData(new FolderSource(root), { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return metricsJson(computeFigures(repo, asOf, history));
}

async function alphaHealth(root: string, asOf: string, history?: History) {
  const m = await metrics(root, asOf, history);
  return m.health.find((h) => h.partner === 'alpha');
}

const costs = (rows: [string, string][]) =>
  rows.map(([month, amount]) => `- { month: ${month}, hub: alpha-hub, amount: ${amount}, currency: USD }`).join('\n') +
  '\n';

const historyOf = (date: string): History => ({
  available: true,
  changes: [{ commit: 'a'.repeat(40), author: 'Ada', date, subject: 'edit', path: `${ALPHA}/partner.md`, status: 'M' }],
});

describe('engagement health: each signal alone', () => {
  it('is on-track with no reasons when nothing applies; only onboarding/active/paused partners get one', async () => {
    const m = await metrics(paid(), '2025-06-30');
    expect(m.health).toEqual([{ partner: 'alpha', health: 'on-track', reasons: [] }]);
  });

  it('overdue-60: an invoice 60 days past due, not 59', async () => {
    // A-2 due 2025-05-01: 2025-06-29 is 59 days past due, 2025-06-30 is 60.
    expect(await alphaHealth(base(), '2025-06-29')).toEqual({ partner: 'alpha', health: 'on-track', reasons: [] });
    expect(await alphaHealth(base(), '2025-06-30')).toEqual({
      partner: 'alpha',
      health: 'off-track',
      reasons: ['overdue-60'],
    });
  });

  it('notice-passed: the notice date passed and no later signed contract (at-risk)', async () => {
    const root = paid();
    replaceIn(root, `${ALPHA}/contracts/alpha-2025.yaml`, 'end: 2027-02-28', 'end: 2027-02-28\nnotice_days: 60');
    // notice by 2027-02-28 − 60 = 2026-12-30; on 2026-12-30 it has not passed, on 2026-12-31 it has.
    expect((await alphaHealth(root, '2026-12-30'))?.reasons).toEqual([]);
    expect(await alphaHealth(root, '2026-12-31')).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['notice-passed'],
    });
    // A signed renewal starting 2027-03-01 clears it.
    writeFileSync(
      join(root, `${ALPHA}/contracts/alpha-2027.yaml`),
      [
        'id: alpha-2027',
        'partner: alpha',
        'kind: service-agreement',
        'status: active',
        'signed: 2026-12-15',
        'start: 2027-03-01',
        'end: 2028-02-29',
        'currency: USD',
        'fees:',
        '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
        'cloud: { billing: pass-through, markup_pct: 10 }',
        'billing: { every: month, in: advance }',
        'hubs: [alpha-hub]',
        '',
      ].join('\n'),
    );
    expect((await alphaHealth(root, '2026-12-31'))?.reasons).toEqual([]);
  });

  it('notice-passed also before the 90-day renewal window opens (a 120-day notice)', async () => {
    const root = paid();
    replaceIn(root, `${ALPHA}/contracts/alpha-2025.yaml`, 'end: 2027-02-28', 'end: 2027-02-28\nnotice_days: 120');
    // notice by 2027-02-28 − 120 = 2026-10-31; on 2026-11-01 it has passed, and the window (90 days) opens 11-30.
    expect((await alphaHealth(root, '2026-10-31'))?.reasons).toEqual([]);
    const m = await metrics(root, '2026-11-01');
    expect(m.renewals).toEqual([]);
    expect(m.health[0].reasons).toEqual(['notice-passed']);
  });

  it('declining-usage: the part-1 figure (M below 70 % of the three months before)', async () => {
    const root = paid();
    // mean of 2025-04..06 = 100; 70 % = 70: 69 declines, 70 does not.
    const usage = (july: number) =>
      ['2025-04', '2025-05', '2025-06'].map((m) => `- { month: ${m}, hub: alpha-hub, active_users: 100 }\n`).join('') +
      `- { month: 2025-07, hub: alpha-hub, active_users: ${july} }\n`;
    writeFileSync(join(root, `${ALPHA}/usage.yaml`), usage(70));
    expect((await alphaHealth(root, '2025-07-15'))?.reasons).toEqual([]);
    writeFileSync(join(root, `${ALPHA}/usage.yaml`), usage(69));
    expect(await alphaHealth(root, '2025-07-15')).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['declining-usage'],
    });
  });

  it('low-satisfaction: the latest NPS response within the 180 days up to D is 6 or less', async () => {
    const root = paid();
    appendFileSync(join(root, `${ALPHA}/feedback.yaml`), '- { survey: 2025-q2, date: 2025-06-01, score: 6 }\n');
    // 2025-06-01 + 179 = 2025-11-27: still inside; on 2025-11-28 it is 180 days old and no longer counts.
    expect(await alphaHealth(root, '2025-11-27')).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['low-satisfaction'],
    });
    expect((await alphaHealth(root, '2025-11-28'))?.reasons).toEqual([]);
    // 7 is not low.
    replaceIn(root, `${ALPHA}/feedback.yaml`, 'score: 6', 'score: 7');
    expect((await alphaHealth(root, '2025-06-02'))?.reasons).toEqual([]);
  });

  it('low-satisfaction reads the latest response only, and a response after D does not count', async () => {
    const root = paid();
    appendFileSync(
      join(root, `${ALPHA}/feedback.yaml`),
      '- { survey: 2025-q2, date: 2025-06-01, score: 3 }\n- { survey: 2025-q3, date: 2025-09-01, score: 8 }\n',
    );
    expect((await alphaHealth(root, '2025-08-31'))?.reasons).toEqual(['low-satisfaction']);
    expect((await alphaHealth(root, '2025-09-01'))?.reasons).toEqual([]);
  });

  it('low-satisfaction: of two responses on the latest day, the lower counts, whichever is listed first', async () => {
    for (const scores of [
      [9, 5],
      [5, 9],
    ]) {
      const root = paid();
      appendFileSync(
        join(root, `${ALPHA}/feedback.yaml`),
        scores.map((s) => `- { survey: 2025-q2, date: 2025-06-01, score: ${s} }\n`).join(''),
      );
      expect((await alphaHealth(root, '2025-06-30'))?.reasons).toEqual(['low-satisfaction']);
    }
  });

  it('not-updated: no change to the partner in git for 30 days or more; never without a history', async () => {
    const root = paid();
    // last change 2025-06-20: 29 days on 2025-07-19, 30 on 2025-07-20.
    expect((await alphaHealth(root, '2025-07-19', historyOf('2025-06-20')))?.reasons).toEqual([]);
    expect(await alphaHealth(root, '2025-07-20', historyOf('2025-06-20'))).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['not-updated'],
    });
    expect((await alphaHealth(root, '2025-07-20'))?.reasons).toEqual([]);
  });
});

describe('stuck-onboarding: in onboarding for more than 30 days (R12)', () => {
  /** alpha still in onboarding: its stage opened on contract_signed, 2025-02-01. */
  const onboarding = () => {
    const root = paid();
    replaceIn(root, `${ALPHA}/partner.md`, 'stage: active', 'stage: onboarding');
    return root;
  };

  it("is at-risk from day 31, not on day 30 (the dashboard's limit)", async () => {
    // 2025-02-01 + 30 = 2025-03-03: 30 days, the limit itself; 2025-03-04: 31 days.
    expect(await alphaHealth(onboarding(), '2025-03-03')).toEqual({
      partner: 'alpha',
      health: 'on-track',
      reasons: [],
    });
    expect(await alphaHealth(onboarding(), '2025-03-04')).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['stuck-onboarding'],
    });
  });

  it('is never flagged once the partner is active', async () => {
    // alpha is active in the base: long after contract_signed, no stuck-onboarding.
    expect((await alphaHealth(paid(), '2025-06-30'))?.reasons).toEqual([]);
  });
});

describe('cloud cost anomaly: M above 1.2 × the mean of the three months before', () => {
  const at = async (rows: [string, string][]) => {
    const root = paid();
    writeFileSync(join(root, `${ALPHA}/cloud-costs.yaml`), costs(rows));
    const m = await metrics(root, '2025-07-15');
    return { anomalies: m.cloud_cost_anomalies, reasons: m.health[0].reasons };
  };
  const before: [string, string][] = [
    ['2025-04', '100.00'],
    ['2025-05', '100.00'],
    ['2025-06', '101.00'],
  ];

  it('exactly 1.2 × is not flagged, a cent above is', async () => {
    // mean = 301 / 3 = 100.333…; × 1.2 = 120.40 exactly (compared as 3 × 120.40 = 361.20 = 1.2 × 301).
    expect(await at([...before, ['2025-07', '120.40']])).toEqual({ anomalies: [], reasons: [] });
    expect(await at([...before, ['2025-07', '120.41']])).toEqual({
      anomalies: [{ hub: 'alpha-hub', month: '2025-07', amount: '120.41', baseline: '100.33' }],
      reasons: ['cloud-cost-anomaly'],
    });
  });

  it('is not flagged when one of the three months before is not recorded', async () => {
    expect(await at([before[0], before[2], ['2025-07', '500.00']])).toEqual({ anomalies: [], reasons: [] });
    expect(await at([before[1], before[2], ['2025-07', '500.00']])).toEqual({ anomalies: [], reasons: [] });
  });

  it("is not flagged before M's bill is recorded", async () => {
    expect(await at(before)).toEqual({ anomalies: [], reasons: [] });
  });
});

describe('lapsed agreements', () => {
  // alpha-2025 ends 2027-02-28 and alpha-hub still runs: lapsed from 2027-03-01.
  it('since, days, next two-week extension and decision date', async () => {
    const lapsed = async (asOf: string) => (await metrics(paid(), asOf)).lapsed;
    expect(await lapsed('2027-02-28')).toEqual([]);
    // Days lapsed = D − since (R9). D = since: 0 days; next extension since + 14 = 03-15; decision since + 42 = 04-12.
    expect(await lapsed('2027-03-01')).toEqual([
      { partner: 'alpha', since: '2027-03-01', days: 0, next_extension: '2027-03-15', decision_by: '2027-04-12' },
    ]);
    // D = since + 14, the first extension: 14 days, and the extension falls on D itself (not before D).
    expect(await lapsed('2027-03-15')).toEqual([
      { partner: 'alpha', since: '2027-03-01', days: 14, next_extension: '2027-03-15', decision_by: '2027-04-12' },
    ]);
    // D = since + 15: the next one is since + 28 = 03-29.
    expect(await lapsed('2027-03-16')).toEqual([
      { partner: 'alpha', since: '2027-03-01', days: 15, next_extension: '2027-03-29', decision_by: '2027-04-12' },
    ]);
    // D = since + 42, the decision date: 42 days; since + 42 is also an extension date (3 × 14), so it is D.
    expect(await lapsed('2027-04-12')).toEqual([
      { partner: 'alpha', since: '2027-03-01', days: 42, next_extension: '2027-04-12', decision_by: '2027-04-12' },
    ]);
  });

  it('is off-track; a decommissioned hub is not lapsed', async () => {
    expect(await alphaHealth(paid(), '2027-03-16')).toEqual({
      partner: 'alpha',
      health: 'off-track',
      reasons: ['lapsed'],
    });
    const root = paid();
    replaceIn(
      root,
      `${ALPHA}/partner.md`,
      'launched: 2025-03-01 }',
      'launched: 2025-03-01, decommissioned: 2027-03-01 }',
    );
    const m = await metrics(root, '2027-03-16');
    expect(m.lapsed).toEqual([]);
    expect(m.health[0]).toEqual({ partner: 'alpha', health: 'on-track', reasons: [] });
  });

  it('since counts from a termination, the effective end', async () => {
    const root = paid();
    replaceIn(
      root,
      `${ALPHA}/contracts/alpha-2025.yaml`,
      'status: active',
      'status: terminated\nterminated: 2025-09-30',
    );
    expect((await metrics(root, '2025-10-20')).lapsed).toEqual([
      // since 10-01; 10-20 − 10-01 = 19 days → second extension 10-29; decision 11-12.
      { partner: 'alpha', since: '2025-10-01', days: 19, next_extension: '2025-10-29', decision_by: '2025-11-12' },
    ]);
  });
});

describe('worst signal wins, every reason listed', () => {
  it('lapsed + overdue-60 + not-updated is off-track with the three reasons in signal order', async () => {
    // 2027-03-16: A-2 (due 2025-05-01) is long overdue; lapsed since 03-01; last change 2027-01-01.
    expect(await alphaHealth(base(), '2027-03-16', historyOf('2027-01-01'))).toEqual({
      partner: 'alpha',
      health: 'off-track',
      reasons: ['overdue-60', 'lapsed', 'not-updated'],
    });
  });

  it('two at-risk signals stay at-risk', async () => {
    const root = paid();
    appendFileSync(join(root, `${ALPHA}/feedback.yaml`), '- { survey: 2025-q2, date: 2025-06-01, score: 0 }\n');
    expect(await alphaHealth(root, '2025-07-20', historyOf('2025-06-01'))).toEqual({
      partner: 'alpha',
      health: 'at-risk',
      reasons: ['low-satisfaction', 'not-updated'],
    });
  });
});

describe('offboarding timeline: contracts ending within 90 days with nothing after them', () => {
  // end 2027-02-28: renewal talks −60 = 2026-12-30, offboarding request −14 = 2027-02-14, final reminder −2 = 02-26.
  const row = {
    contract: 'alpha-2025',
    end: '2027-02-28',
    renewal_talks: '2026-12-30',
    offboarding_request: '2027-02-14',
    final_reminder: '2027-02-26',
  };
  it('starts 90 days before the end (2026-11-30) and runs to the end day', async () => {
    expect((await metrics(paid(), '2026-11-29')).offboarding).toEqual([]);
    expect((await metrics(paid(), '2026-11-30')).offboarding).toEqual([row]);
    expect((await metrics(paid(), '2027-02-28')).offboarding).toEqual([row]);
    expect((await metrics(paid(), '2027-03-01')).offboarding).toEqual([]);
  });
});

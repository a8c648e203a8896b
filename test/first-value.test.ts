/**
 * Time to first value (SPEC-2 B, R8): days contract_signed → first value,
 * median and p90 like every milestone pair, and the partners still waiting for
 * it. Without a first_value milestone, the first value is derived from usage:
 * the last day of the first month whose active users (over the partner's hubs)
 * reached value_min_users (default 5). The base: alpha signed 2025-02-01, hub
 * live 2025-03-01, no first_value, 40 users in 2025-03 (so a derived first
 * value on 2025-03-31); `quiet()` takes the usage below the threshold.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { fixtureCopy, replaceIn } from './helpers/fixtures.js';

async function metrics(root: string, asOf: string) {
  const { problems, repo } = await checkData(new FolderSource(root), { asOf });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return metricsJson(computeFigures(repo, asOf));
}

const partner = (id: string, stage: string, milestones: string[]) =>
  [
    '---',
    `id: ${id}`,
    `name: ${id}`,
    'type: university',
    'country: US',
    'account_owner: alice',
    `stage: ${stage}`,
    'milestones:',
    ...milestones.map((m) => `  ${m}`),
    '---',
    '',
  ].join('\n');

/** The base with alpha's 2025-03 usage at 4 users: below value_min_users (5), so no first value from usage. */
function quiet(root = fixtureCopy('base')): string {
  replaceIn(root, 'partners/alpha/usage.yaml', 'active_users: 40', 'active_users: 4');
  return root;
}

function withPartners(): string {
  const root = quiet();
  // alpha: 2025-02-01 → 2025-03-11 = 27 + 11 = 38 days.
  replaceIn(
    root,
    'partners/alpha/partner.md',
    '  hub_live: 2025-03-01\n',
    '  hub_live: 2025-03-01\n  first_value: 2025-03-11\n',
  );
  mkdirSync(join(root, 'partners/delta'));
  mkdirSync(join(root, 'partners/gamma'));
  // delta: 2025-01-01 → 2025-01-21 = 20 days.
  writeFileSync(
    join(root, 'partners/delta/partner.md'),
    partner('delta', 'lead', ['first_contact: 2024-12-01', 'contract_signed: 2025-01-01', 'first_value: 2025-01-21']),
  );
  // gamma: a first value but no contract_signed: not counted.
  writeFileSync(
    join(root, 'partners/gamma/partner.md'),
    partner('gamma', 'lead', ['first_contact: 2024-12-01', 'hub_live: 2025-01-01', 'first_value: 2025-01-05']),
  );
  return root;
}

describe('time to first value', () => {
  it('is the median and p90 of contract_signed → first_value, without partners missing either date', async () => {
    const m = await metrics(withPartners(), '2025-06-30');
    // [20, 38]: median 29; p90 rank 0.9 → 20 + 0.9 × 18 = 36.2; gamma has no contract_signed.
    expect(m.time_to_first_value).toEqual({
      median: 29,
      p90: 36.2,
      n: 2,
      derived: 0,
      partners: [
        { partner: 'alpha', first_value: '2025-03-11', days: 38, derived: false },
        { partner: 'delta', first_value: '2025-01-21', days: 20, derived: false },
      ],
    });
  });

  it('leaves out a first value dated after D', async () => {
    const m = await metrics(withPartners(), '2025-03-10');
    expect(m.time_to_first_value).toMatchObject({ median: 20, p90: 20, n: 1, derived: 0 });
  });

  it('keeps the hub_live → onboarding_complete span (first_value is not a step of the chain)', async () => {
    const m = await metrics(withPartners(), '2025-06-30');
    expect(Object.keys(m.onboarding.milestone_days)).toEqual([
      'first_contact->qualified',
      'qualified->proposal_sent',
      'proposal_sent->contract_signed',
      'contract_signed->hub_live',
      'hub_live->onboarding_complete',
      'onboarding_complete->churned',
    ]);
  });

  it('is null with n 0 when nobody has both dates', async () => {
    const m = await metrics(quiet(), '2025-06-30');
    expect(m.time_to_first_value).toEqual({ median: null, p90: null, n: 0, derived: 0, partners: [] });
  });
});

describe('awaiting first value: hub live more than 30 days before D, no first_value', () => {
  it('lists alpha 31 days after hub_live, not 30', async () => {
    // hub_live 2025-03-01: 2025-03-31 is 30 days later, 2025-04-01 is 31.
    expect((await metrics(quiet(), '2025-03-31')).awaiting_first_value).toEqual([]);
    expect((await metrics(quiet(), '2025-04-01')).awaiting_first_value).toEqual(['alpha']);
  });

  it('no longer lists a partner once first_value is reached by D', async () => {
    expect((await metrics(withPartners(), '2025-04-01')).awaiting_first_value).toEqual([]);
  });
});

/** alpha with a second hub, alpha-lab, and the users of 2025-04 split over the two hubs. */
function twoHubs(users: [number, number]): string {
  const root = quiet();
  replaceIn(
    root,
    'partners/alpha/partner.md',
    '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n',
    '  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n' +
      '  - { id: alpha-lab, cloud: gcp, launched: 2025-03-01 }\n',
  );
  appendFileSync(
    join(root, 'partners/alpha/usage.yaml'),
    `- { month: 2025-04, hub: alpha-hub, active_users: ${users[0]} }\n` +
      `- { month: 2025-04, hub: alpha-lab, active_users: ${users[1]} }\n`,
  );
  return root;
}

describe('first value derived from usage (R8)', () => {
  it('is the last day of the first month whose users over all hubs reach value_min_users (5 yes, 4 no)', async () => {
    // 2025-03: 4 users (below). 2025-04: 3 + 2 = 5 → first value 2025-04-30;
    // 2025-02-01 → 04-30 = 27 + 31 + 30 = 88 days.
    const reached = await metrics(twoHubs([3, 2]), '2025-06-30');
    expect(reached.time_to_first_value).toEqual({
      median: 88,
      p90: 88,
      n: 1,
      derived: 1,
      partners: [{ partner: 'alpha', first_value: '2025-04-30', days: 88, derived: true }],
    });
    expect(reached.awaiting_first_value).toEqual([]);
    // 3 + 1 = 4: one below; no first value, and hub live since 2025-03-01 (121 days): waiting.
    const below = await metrics(twoHubs([3, 1]), '2025-06-30');
    expect(below.time_to_first_value).toMatchObject({ n: 0, derived: 0, partners: [] });
    expect(below.awaiting_first_value).toEqual(['alpha']);
  });

  it('uses only months ended by D: 2025-04 counts from 2025-04-30, not on 04-29', async () => {
    const root = twoHubs([3, 2]);
    const before = await metrics(root, '2025-04-29');
    expect(before.time_to_first_value).toMatchObject({ n: 0, partners: [] });
    // hub_live 2025-03-01 is 59 days before 04-29: waiting.
    expect(before.awaiting_first_value).toEqual(['alpha']);
    const on = await metrics(root, '2025-04-30');
    expect(on.time_to_first_value).toMatchObject({ n: 1, derived: 1 });
    expect(on.awaiting_first_value).toEqual([]);
  });

  it('takes the first month that reached it, not a later one', async () => {
    // 40 users in 2025-03 (the base) and 5 in 2025-04: 2025-03-31, 27 + 31 = 58 days after 2025-02-01.
    const root = fixtureCopy('base');
    appendFileSync(join(root, 'partners/alpha/usage.yaml'), '- { month: 2025-04, hub: alpha-hub, active_users: 5 }\n');
    expect((await metrics(root, '2025-06-30')).time_to_first_value.partners).toEqual([
      { partner: 'alpha', first_value: '2025-03-31', days: 58, derived: true },
    ]);
  });

  it('a recorded first_value milestone wins over the derived one', async () => {
    // Usage reached 40 in 2025-03 (derived 2025-03-31), but the team recorded 2025-04-10: 68 days.
    const root = fixtureCopy('base');
    replaceIn(
      root,
      'partners/alpha/partner.md',
      '  hub_live: 2025-03-01\n',
      '  hub_live: 2025-03-01\n  first_value: 2025-04-10\n',
    );
    expect((await metrics(root, '2025-06-30')).time_to_first_value).toEqual({
      median: 68,
      p90: 68,
      n: 1,
      derived: 0,
      partners: [{ partner: 'alpha', first_value: '2025-04-10', days: 68, derived: false }],
    });
  });

  it('never waits for a partner whose hubs are all shut down by D', async () => {
    const root = quiet();
    replaceIn(
      root,
      'partners/alpha/partner.md',
      'launched: 2025-03-01 }',
      'launched: 2025-03-01, decommissioned: 2025-05-15 }',
    );
    // Before the shutdown (taken back at D) alpha still waits; from the day its only hub is shut down, no more.
    expect((await metrics(root, '2025-05-14')).awaiting_first_value).toEqual(['alpha']);
    expect((await metrics(root, '2025-05-15')).awaiting_first_value).toEqual([]);
  });
});

describe('onboarding.md: time to first value', () => {
  it('shows the median, p90 and n, and who is still waiting with the days since hub_live', async () => {
    const root = withPartners();
    // delta waits too: a hub_live on 2025-01-02, 89 days before 2025-04-01, and no first_value.
    replaceIn(root, 'partners/delta/partner.md', '  first_value: 2025-01-21\n', '  hub_live: 2025-01-02\n');
    const { repo } = await checkData(new FolderSource(root), { asOf: '2025-04-01' });
    const f = computeFigures(repo, '2025-04-01');
    const meta = { organization: 'Org', asOf: '2025-04-01', currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    const page = new Map(renderReports(f, computeFigures(repo, previousMonthDate('2025-04-01')), meta)).get(
      'onboarding.md',
    )!;
    // Only alpha's 38 days count now (delta has no first_value, gamma no contract_signed).
    expect(page).toContain('| 38 | 38 | 1 |');
    expect(page).toContain('| [delta](partners/delta.md) | 2025-01-02 | 89 |');
    // alpha reached first value on 2025-03-11: not waiting.
    expect(page).not.toContain('| [Alpha University](partners/alpha.md) | 2025-03-01 |');
  });

  it('lists the first values derived from usage, with their dates and days', async () => {
    const root = twoHubs([3, 2]);
    const { repo } = await checkData(new FolderSource(root), { asOf: '2025-06-30' });
    const meta = { organization: 'Org', asOf: '2025-06-30', currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    const f = computeFigures(repo, '2025-06-30');
    const page = new Map(renderReports(f, computeFigures(repo, previousMonthDate('2025-06-30')), meta)).get(
      'onboarding.md',
    )!;
    expect(page).toContain('| 88 | 88 | 1 |');
    expect(page).toContain('**Derived from usage**');
    expect(page).toContain('| [Alpha University](partners/alpha.md) | 2025-04-30 | 88 |');
  });
});

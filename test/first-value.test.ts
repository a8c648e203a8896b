/**
 * Time to first value (SPEC-2 B): days contract_signed → first_value, median
 * and p90 like every milestone pair, and the partners still waiting for it.
 * The base: alpha signed 2025-02-01, hub live 2025-03-01, no first_value.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

function withPartners(): string {
  const root = fixtureCopy('base');
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
    expect(m.time_to_first_value).toEqual({ median: 29, p90: 36.2, n: 2 });
  });

  it('leaves out a first value dated after D', async () => {
    const m = await metrics(withPartners(), '2025-03-10');
    expect(m.time_to_first_value).toEqual({ median: 20, p90: 20, n: 1 });
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
    const m = await metrics(fixtureCopy('base'), '2025-06-30');
    expect(m.time_to_first_value).toEqual({ median: null, p90: null, n: 0 });
  });
});

describe('awaiting first value: hub live more than 30 days before D, no first_value', () => {
  it('lists alpha 31 days after hub_live, not 30', async () => {
    // hub_live 2025-03-01: 2025-03-31 is 30 days later, 2025-04-01 is 31.
    expect((await metrics(fixtureCopy('base'), '2025-03-31')).awaiting_first_value).toEqual([]);
    expect((await metrics(fixtureCopy('base'), '2025-04-01')).awaiting_first_value).toEqual(['alpha']);
  });

  it('no longer lists a partner once first_value is reached by D', async () => {
    expect((await metrics(withPartners(), '2025-04-01')).awaiting_first_value).toEqual([]);
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
});

/** Figures that read the right way round (issue "Trust", items 12–14). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { OverlaySource } from '../scripts/lib/edit/overlay-source.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { FIXTURES, REPO_ROOT } from './helpers/fixtures.js';

async function reports(root: string, asOf: string, edits: Record<string, string> = {}) {
  const { repo } = await checkData(new OverlaySource(new FolderSource(root), new Map(Object.entries(edits))), { asOf });
  const f = computeFigures(repo, asOf);
  const pages = new Map(
    renderReports(f, computeFigures(repo, previousMonthDate(asOf)), {
      organization: 'Org',
      asOf,
      currency: 'USD',
      revision: 'r',
      sponsorFeePct: 0,
    }),
  );
  return { f, pages, json: metricsJson(f) as { partners: Record<string, unknown>[] } };
}

/**
 * The base fixture with nothing pending: alpha pays its own cloud (partner-pays) and no bill is recorded, so no
 * month misses one. MRR 1000 (hosting), MRC 5000 (staff) every month from March 2025.
 */
const COMPLETE = {
  'partners/alpha/cloud-costs.yaml': '[]\n',
  'partners/alpha/contracts/alpha-2025.yaml': readFileSync(
    join(FIXTURES, 'base/partners/alpha/contracts/alpha-2025.yaml'),
    'utf8',
  ).replace('cloud: { billing: pass-through, markup_pct: 10 }', 'cloud: { billing: partner-pays }'),
};

describe('the two recovery figures', () => {
  it('read the same way round, costs ÷ revenue, with two decimals and words, in every report', async () => {
    const { pages, json } = await reports(join(FIXTURES, 'base'), '2026-01-01', COMPLETE);
    const costRecovery = pages.get('cost-recovery.md')!;
    // 5000 / 1000 = 5 (JSON: 4 decimals); alpha: (0 + 5000 shared) / 1000 = 5 too.
    expect(costRecovery).toContain(
      '**Cost recovery ratio (MRC ÷ MRR) for 2026-01: 5.00 (costs are 500 % of revenue)** — monthly recurring ' +
        'costs (5,000.00) divided by monthly recurring revenue (1,000.00); lower is better: below 1, recurring ' +
        'revenue covers recurring costs.',
    );
    expect(costRecovery).toContain('| partner | revenue | cloud cost | share of recurring costs | costs ÷ revenue |');
    expect(costRecovery).toContain('| 1,000.00 | 0.00 | 5,000.00 | 5.00 (costs are 500 % of revenue) |');
    expect(costRecovery).toContain("lower is better, as for the organisation: below 1, the partner's revenue covers");
    expect(json.partners[0]).toMatchObject({ id: 'alpha', cost_recovery_ratio: '5.0000' });
    expect(pages.get('partners/alpha.md')).toContain(
      'costs ÷ revenue is (cloud + share) ÷ revenue, lower is better, as for the organisation: below 1, the ' +
        "partner's revenue covers what it costs.",
    );
    expect(pages.get('README.md')).toContain(
      '| Cost recovery ratio (MRC ÷ MRR), lower is better: below 1, recurring revenue covers recurring costs | ' +
        '5.00 (costs are 500 % of revenue) | ±0.00, unchanged |',
    );
  });
});

describe('an incomplete month', () => {
  it('is named, never shown as a drop: the sample data on 2026-11-24', async () => {
    // Three partners' November bills are not in yet (their October bills are; LEAP's are).
    const { pages, f } = await reports(REPO_ROOT, '2026-11-24');
    const readme = pages.get('README.md')!;
    expect(readme).toContain(
      [
        '> [!WARNING]',
        '> **2026-11 is incomplete.** Not recorded yet, so its figures so far leave them out:',
        '>',
        '> - the cloud bill of hub `eduhub-schools` (EduHub Resellers Ltd)',
        '> - the cloud bill of hub `openpress-books` (Open Press Publishing)',
        '> - the cloud bills of hubs `un-research` and `un-teaching` (University of the North)',
        '>',
        "> MRR, MRC and the cost recovery ratio below are those of **2026-10**, the last complete month; 2026-11's " +
          'figures so far are beside them, marked incomplete.',
      ].join('\n'),
    );
    expect(readme).toContain(
      '| figure | 2026-10 (last complete month) | change since 2026-09 | 2026-11 so far (incomplete) |',
    );
    // October 34,920.70 − September 33,192.28 = +1,728.42. November so far: 27,040.00 of fees and cloud +
    // November's usage fees 849.50 + 596.00 + 356.00 (eduresell, leap, sgs).
    expect(readme).toContain('| Monthly recurring revenue (MRR) | 34,920.70 | +1,728.42 | 28,841.50, incomplete |');
    // 59,225.71 − 59,241.70 = −15.99. November so far: 49,470.00 without the missing bills + LEAP's 5,600.00 +
    // 362.00 + 143.10 of bills no hub is mapped to − 250.00 of Nimbus's credit on leap-staging.
    expect(readme).toContain('| Monthly recurring costs (MRC) | 59,225.71 | -15.99 | 55,325.10, incomplete |');
    // 59,225.71 / 34,920.70 = 1.69601… → 1.70; September 59,241.70 / 33,192.28 = 1.78480…: −0.0888 → −0.09.
    expect(readme).toContain(
      '| 1.70 (costs are 170 % of revenue) | -0.09, better | 1.92 (costs are 192 % of revenue), incomplete |',
    );
    // Figures that do not depend on cloud bills still show their change since the same day last month.
    expect(readme).toMatch(/\| Receivables outstanding \| 103,300\.00 \| \+5,040\.00 \|/);
    expect(f.completeness.last?.month).toBe('2026-10');
    // The charts name the month; the missing bills read "not recorded", never 0.00.
    const costRecovery = pages.get('cost-recovery.md')!;
    expect(costRecovery).toContain('"2026-10", "2026-11*"]');
    expect(costRecovery).toContain('| 2026-11 (incomplete) | 28,841.50 | 55,325.10 |');
    expect(costRecovery).toContain('| 5,040.00 | not recorded | 10,993.33 | not recorded |');
    expect(pages.get('partners/uni-north.md')).toContain(
      '| 2026-11 (incomplete) | 5,040.00 | not recorded | 10,993.33 | not recorded |',
    );
  });

  it('is not there when every bill is in: the headline is M, its change since the month before', async () => {
    const readme = (await reports(join(FIXTURES, 'base'), '2026-01-01', COMPLETE)).pages.get('README.md')!;
    expect(readme).not.toContain('[!WARNING]');
    expect(readme).not.toContain('incomplete');
    expect(readme).toContain('| figure | 2026-01 | change since 2025-12 |');
    expect(readme).toMatch(/\| Monthly recurring revenue \(MRR\) \| 1,000\.00 \| ±0\.00 \|/);
  });
});

describe('a partner with a live hub and no contract in force', () => {
  // alpha's hub is live from 2025-03-01; its contract, signed 02-01, starts only on 06-01.
  const later = {
    'partners/alpha/contracts/alpha-2025.yaml':
      'id: alpha-2025\npartner: alpha\nkind: service-agreement\nstatus: active\nsigned: 2025-02-01\nstart: ' +
      '2025-06-01\nend: 2027-02-28\ncurrency: USD\nfees:\n  - { id: hosting, description: Hub hosting, ' +
      'amount: 1000, per: month }\ncloud: { billing: pass-through, markup_pct: 10 }\nbilling: { every: ' +
      'month, in: advance }\nhubs: [alpha-hub]\n',
  };

  it('takes its share of the costs but has no ratio: "no contract yet"', async () => {
    const { json, pages } = await reports(join(FIXTURES, 'base'), '2025-04-15', later);
    // April 2025: staff 5000 shared per hub; alpha-hub is the only live hub → 5000; no revenue; its April
    // cloud bill is expected (March's was paid) and not recorded.
    expect(json.partners[0]).toEqual({
      id: 'alpha',
      revenue: '0.00',
      cloud_cost: null,
      shared_cost: '5000.00',
      cost_recovery_ratio: null,
      recovery_note: 'no contract yet',
    });
    // beta's first contact is 2025-05-01: on 04-15 it was not known yet.
    expect(json.partners.map((p) => p.id)).toEqual(['alpha']);
    expect(pages.get('cost-recovery.md')).toContain('| 0.00 | not recorded | 5,000.00 | no contract yet |');
  });

  it('counts a contract in force from the last day of the month: one day in common is enough', async () => {
    const starting = (start: string) => ({
      'partners/alpha/contracts/alpha-2025.yaml': later['partners/alpha/contracts/alpha-2025.yaml'].replace(
        'start: 2025-06-01',
        `start: ${start}`,
      ),
    });
    // In force on 04-30: no contract note, so the missing April bill is the reason for no ratio.
    const onLastDay = await reports(join(FIXTURES, 'base'), '2025-04-30', starting('2025-04-30'));
    expect(onLastDay.json.partners[0]).toMatchObject({ id: 'alpha', recovery_note: 'not recorded' });
    const dayAfter = await reports(join(FIXTURES, 'base'), '2025-04-30', starting('2025-05-01'));
    expect(dayAfter.json.partners[0]).toMatchObject({ id: 'alpha', recovery_note: 'no contract yet' });
  });

  it('says "no contract" once its contracts have ended', async () => {
    const { json } = await reports(join(FIXTURES, 'base'), '2027-03-15');
    expect(json.partners[0]).toMatchObject({
      id: 'alpha',
      revenue: '0.00',
      cost_recovery_ratio: null,
      recovery_note: 'no contract',
    });
  });
});

/** Figures that read the right way round (issue "Trust", items 12–14). */
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

describe('the two recovery figures', () => {
  it('are labelled with the way each reads, in every report that shows them', async () => {
    const { pages } = await reports(join(FIXTURES, 'base'), '2026-01-01');
    const costRecovery = pages.get('cost-recovery.md')!;
    expect(costRecovery).toContain('**Cost recovery ratio (MRC ÷ MRR) for 2026-01: ');
    expect(costRecovery).toContain('lower is better: below 1, recurring revenue covers recurring costs');
    expect(costRecovery).toContain('| partner | revenue | cloud cost | share of recurring costs | revenue ÷ cost |');
    expect(costRecovery).toContain("higher is better: above 1, the partner's revenue covers what it costs");
    expect(pages.get('partners/alpha.md')).toContain(
      "revenue ÷ cost is revenue ÷ (cloud + share), higher is better: above 1, the partner's revenue covers " +
        'what it costs',
    );
    expect(pages.get('README.md')).toContain(
      '| Cost recovery ratio (MRC ÷ MRR), lower is better: below 1, recurring revenue covers recurring costs |',
    );
  });
});

describe('change since last month', () => {
  it('is not comparable while a month has cloud bills missing, and says why', async () => {
    // The sample data on 2026-11-24: three partners' November bills are not in yet (their October bills are;
    // LEAP's are: 5,600.00 + 362.00).
    const { pages } = await reports(REPO_ROOT, '2026-11-24');
    const readme = pages.get('README.md')!;
    // 27,040.00 of fees and cloud + November's usage fees 849.50 + 596.00 + 356.00 (eduresell, leap, sgs).
    expect(readme).toContain('| Monthly recurring revenue (MRR) | 28,841.50 | not comparable¹ |');
    // 49,470.00 without LEAP's November bills + 5,600.00 + 362.00, + 143.10 of cloud bills no hub is mapped to
    // (costs/unattributed-cloud.yaml), − 250.00 of Nimbus's credit on leap-staging (1,500 over July-December).
    expect(readme).toContain('| Monthly recurring costs (MRC) | 55,325.10 | not comparable¹ |');
    expect(readme).toContain(
      '¹ Not comparable with 2026-10-24: cloud bills not recorded yet for 2026-11 (eduresell, ' +
        'openpress, uni-north), so the change would mostly be the missing bills.',
    );
    // Figures that do not depend on cloud bills still show their change.
    expect(readme).toMatch(/\| Receivables outstanding \| 103,300\.00 \| \+5,040\.00 \|/);
  });

  it('is shown when both months have their bills', async () => {
    // The base fixture has no cloud bill after March 2025: none is pending in 2026.
    const readme = (await reports(join(FIXTURES, 'base'), '2026-01-01')).pages.get('README.md')!;
    expect(readme).not.toContain('not comparable');
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
    // April 2025: staff 5000 shared per hub; alpha-hub is the only live hub → 5000; no revenue, no cloud bill.
    expect(json.partners[0]).toEqual({
      id: 'alpha',
      revenue: '0.00',
      cloud_cost: '0.00',
      shared_cost: '5000.00',
      recovery: null,
      recovery_note: 'no contract yet',
    });
    // beta's first contact is 2025-05-01: on 04-15 it was not known yet.
    expect(json.partners.map((p) => p.id)).toEqual(['alpha']);
    expect(pages.get('cost-recovery.md')).toContain('| 0.00 | 0.00 | 5,000.00 | no contract yet |');
  });

  it('says "no contract" once its contracts have ended', async () => {
    const { json } = await reports(join(FIXTURES, 'base'), '2027-03-15');
    expect(json.partners[0]).toMatchObject({
      id: 'alpha',
      revenue: '0.00',
      recovery: null,
      recovery_note: 'no contract',
    });
  });
});

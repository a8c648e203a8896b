/**
 * The 18-month projection on test/fixtures/figures as of 2026-03-15, worked out by hand.
 * Committed: c1 6100/month to 2026-05-31; c2 12000 CAD/year (1000 CAD a month) at 0.80, and 0.70 from
 * 2026-09, ending 2027-03-15; c7 9000 over 90 days (100 a day) from 2026-04-10 to 2026-07-08.
 * Pipeline: c5 2000/month × 50 % from 2026-05 to 2027-04; c6 at 30 % is under the 40 % cut-off.
 * Costs: staff 3000 + tools 100 + contractor 300 CAD a month (the office ended 2026-03-15).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { FIXTURES, fixtureCopy } from './helpers/fixtures.js';

async function projectionOf(root: string) {
  const { problems, repo } = await checkData(new FolderSource(root), { asOf: '2026-03-15' });
  expect(problems).toEqual([]);
  return metricsJson(computeFigures(repo, '2026-03-15')).projection as {
    month: string;
    committed: string;
    pipeline: string;
    costs: string;
  }[];
}

const row = (month: string, committed: string, pipeline: string, costs: string) => ({
  month,
  committed,
  pipeline,
  costs,
});

describe('projection', () => {
  it('committed, weighted pipeline and costs for the 18 months after the as-of month', async () => {
    expect(await projectionOf(join(FIXTURES, 'figures'))).toEqual([
      row('2026-04', '9000.00', '0.00', '3340.00'), // 6100 + 800 + c7 21 days × 100; costs 3100 + 300 × 0.80
      row('2026-05', '10000.00', '1000.00', '3340.00'), // 6100 + 800 + 3100; c5 2000 × 50 %
      row('2026-06', '3800.00', '1000.00', '3340.00'), // c1 has ended: 800 + 3000
      row('2026-07', '1600.00', '1000.00', '3340.00'), // 800 + c7 8 days × 100
      row('2026-08', '800.00', '1000.00', '3340.00'),
      row('2026-09', '700.00', '1000.00', '3310.00'), // the CAD rate drops to 0.70: 1000 × 0.70; 3100 + 300 × 0.70
      row('2026-10', '700.00', '1000.00', '3310.00'),
      row('2026-11', '700.00', '1000.00', '3310.00'),
      row('2026-12', '700.00', '1000.00', '3310.00'),
      row('2027-01', '700.00', '1000.00', '3310.00'),
      row('2027-02', '700.00', '1000.00', '3310.00'),
      row('2027-03', '338.71', '1000.00', '3310.00'), // c2 ends 03-15: 1000 × 15/31 × 0.70 = 338.709…
      row('2027-04', '0.00', '1000.00', '3310.00'), // c5 runs to 2027-04-30
      row('2027-05', '0.00', '0.00', '3310.00'),
      row('2027-06', '0.00', '0.00', '3310.00'),
      row('2027-07', '0.00', '0.00', '3310.00'),
      row('2027-08', '0.00', '0.00', '3310.00'),
      row('2027-09', '0.00', '0.00', '3310.00'),
    ]);
  });

  it('counts a contract ending the day after the as-of month for that day, none ended by its last day', async () => {
    const root = fixtureCopy('figures');
    const c1 = join(root, 'partners/p1/contracts/c1.yaml');
    writeFileSync(c1, readFileSync(c1, 'utf8').replace('end: 2026-05-31', 'end: 2026-04-01'));
    // April: c1's one day, 6100 ÷ 30 = 203.333…; 800 from c2 and c7's 21 days × 100 as before.
    expect((await projectionOf(root))[0]).toEqual(row('2026-04', '3103.33', '0.00', '3340.00'));
    writeFileSync(c1, readFileSync(c1, 'utf8').replace('end: 2026-04-01', 'end: 2026-03-31'));
    expect((await projectionOf(root))[0]).toEqual(row('2026-04', '2900.00', '0.00', '3340.00'));
  });

  it('takes the fiscal sponsor fee off revenue, not off costs', async () => {
    const root = fixtureCopy('figures');
    const config = join(root, 'ops.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        'payment_terms_days: 30',
        'payment_terms_days: 30\nfiscal_sponsor_fee_pct: 10',
      ),
    );
    const projection = await projectionOf(root);
    // 2026-05: 10000 × 0.9 and 1000 × 0.9; 2027-03: 338.709… × 0.9 = 304.838…
    expect(projection[1]).toEqual(row('2026-05', '9000.00', '900.00', '3340.00'));
    expect(projection[11]).toEqual(row('2027-03', '304.84', '900.00', '3310.00'));
  });

  it('reports net figures everywhere and says so', async () => {
    const root = fixtureCopy('figures');
    const config = join(root, 'ops.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        'payment_terms_days: 30',
        'payment_terms_days: 30\nfiscal_sponsor_fee_pct: 10',
      ),
    );
    const { repo } = await checkData(new FolderSource(root), { asOf: '2026-03-15' });
    const m = metricsJson(computeFigures(repo, '2026-03-15'));
    // The sponsor fee does not touch pass-through cloud (c1's 1320.00, SPEC-2 A):
    // MRR (8832.903225… − 1320) × 0.9 + 1320 = 6761.612903… + 1320 = 8081.612903…; MRC unchanged
    expect([m.mrr, m.mrc]).toEqual(['8081.61', '4840.00']);
    expect(m.partners[0].revenue).toBe('6810.00'); // fees 6100 × 0.9 = 5490 + cloud 1320

    const figures = computeFigures(repo, '2026-03-15');
    const reports = new Map(
      renderReports(figures, figures, {
        organization: 'x',
        asOf: '2026-03-15',
        currency: 'USD',
        revision: 'r',
        sponsorFeePct: repo.config.fiscal_sponsor_fee_pct,
      }),
    );
    for (const [file, text] of reports)
      expect(text, file).toContain(
        "Revenue is net of the fiscal sponsor's fee of 10 % (pass-through cloud revenue, a reimbursement, excepted).",
      );
  });
});

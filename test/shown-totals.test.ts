/**
 * Shown parts add up to the shown total (SPEC-3 R7), on the sample data as of 2026-11-24, by largest remainder
 * (scripts/lib/money/apportion.ts). Worked out by hand:
 * - Recurring costs of 2026-11: 49,470.00, shared per hub over 9 live hubs, 5,496.666… a hub: LEAP and
 *   uni-north have two (10,993.333…), eduresell, openpress, openscied, riverside-cc and state-geo one. Rounded
 *   alone: 2 × 10,993.33 + 5 × 5,496.67 = 49,470.01. Floors: 2 × 10,993.33 + 5 × 5,496.66 = 49,469.96, 4 cents
 *   left, for the largest remainders (0.00666… of the one-hub shares, before 0.00333…), ties in partner-id
 *   order: eduresell, openpress, openscied, riverside-cc take 5,496.67; state-geo, the fifth, shows 5,496.66.
 */
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { dec, sum } from '../scripts/lib/money/decimal.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { fixtureCopy, sampleCopy } from './helpers/fixtures.js';

const AS_OF = '2026-11-24';

async function sample() {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: AS_OF });
  const f = computeFigures(repo, AS_OF);
  const meta = { organization: 'Sample', asOf: AS_OF, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  return { f, reports: new Map(renderReports(f, computeFigures(repo, previousMonthDate(AS_OF)), meta)) };
}

/** The rows of the Markdown table that starts at `heading`'s first table, as arrays of cells. */
function table(markdown: string, heading: string): string[][] {
  const from = markdown.indexOf(heading);
  expect(from).toBeGreaterThan(-1);
  const lines = markdown.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

// A bill not recorded yet counts nothing in its column's total (R6: it reads 'not recorded', never 0.00).
const amount = (cell: string) => (cell === 'not recorded' ? dec(0) : dec(cell.replace(/\*\*/g, '').replace(/,/g, '')));
const total = (cells: string[]) => sum(cells.map(amount)).toFixed(2);

describe('shown parts add up to the shown total (R7)', () => {
  it("cost-recovery.md: the partners' shares of the recurring costs, revenue and cloud costs add up", async () => {
    const { reports } = await sample();
    const rows = table(reports.get('cost-recovery.md')!, '## By partner');
    const body = rows.slice(0, -1);
    const last = rows.at(-1)!;
    expect(last[0]).toBe('**all partners**');
    expect(last[3]).toBe('**49,470.00**');
    const share = (partner: string) => body.find((r) => r[0].includes(`partners/${partner}.md`))![3];
    expect(
      ['leap', 'uni-north', 'eduresell', 'openpress', 'openscied', 'riverside-cc', 'state-geo'].map(share),
    ).toEqual(['10,993.33', '10,993.33', '5,496.67', '5,496.67', '5,496.67', '5,496.67', '5,496.66']);
    for (const column of [1, 2, 3]) expect(total(body.map((r) => r[column]))).toBe(amount(last[column]).toFixed(2));
    // The revenue column adds up to the MRR of the month the table is of, shown at the top (2026-11 so far, R6).
    expect(reports.get('cost-recovery.md')).toContain(`2026-11 so far (incomplete)`);
    expect(reports.get('cost-recovery.md')).toContain(`MRR ${last[1].replace(/\*\*/g, '')}.`);
  });

  it('pipeline.md and the metrics JSON: the six FMRR months add up to FMRR₆', async () => {
    const { f, reports } = await sample();
    const rows = table(reports.get('pipeline.md')!, '## Forecast monthly recurring revenue');
    const months = rows.slice(0, -1);
    expect(months).toHaveLength(6);
    expect(total(months.map((r) => r[4]))).toBe(amount(rows.at(-1)![4]).toFixed(2));
    const m = metricsJson(f);
    expect(total(m.fmrr.map((x) => x.fmrr))).toBe(m.fmrr_6);
    // And the JSON's partner revenues add up to its MRR.
    expect(total(m.partners.map((p) => p.revenue))).toBe(m.mrr);
  });
});

describe('projection.md (R7)', () => {
  it("adds each column up to the 18 months' total and each month's services up to its committed revenue", async () => {
    const { reports } = await sample();
    const page = reports.get('projection.md')!;
    const rows = table(page, '| month | committed');
    const [months, totals] = [rows.slice(0, -1), rows.at(-1)!];
    expect(months).toHaveLength(18);
    for (const column of [1, 2, 4]) expect(total(months.map((r) => r[column]))).toBe(amount(totals[column]).toFixed(2));
    const services = table(page, '## Committed revenue by service');
    services.forEach((r, i) => expect(total(r.slice(1))).toBe(amount(months[i][1]).toFixed(2)));
  });
});

describe("a partner page's MRR is its part of the dashboard's MRR (R10)", () => {
  it("LEAP on the sample: fixed fees and usage, as in cost-recovery.md's 8,096.00", async () => {
    const { reports } = await sample();
    const page = reports.get('partners/leap.md')!;
    // leap-2026: 90,000 a year billed quarterly = 7,500.00 a month, plus November's usage fee 596.00 (the
    // page used to show 7,500.00 alone); leap-2025 ended 2026-03-31: 0.00. No pass-through (cloud included).
    expect(page).toContain(
      "**MRR 2026-11: 8,096.00 USD** — this partner's part of the dashboard's MRR: fixed fees 7,500.00 + " +
        'usage fees 596.00 + pass-through cloud 0.00.',
    );
    const rows = table(page, '## Contracts');
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['`leap-2025`', '0.00'],
      ['`leap-2026`', '8,096.00'],
    ]);
    expect(table(reports.get('cost-recovery.md')!, '## By partner')[0].slice(0, 2)).toEqual([
      '[LEAP Climate Data Collaboration](partners/leap.md)',
      '8,096.00',
    ]);
  });

  it('includes the cloud passed through with its markup, on the base fixture', async () => {
    const asOf = '2025-03-31';
    const { repo } = await checkData(new FolderSource(fixtureCopy('base')), { asOf });
    const meta = { organization: 'Fixture Org', asOf, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
    const f = computeFigures(repo, asOf);
    const page = new Map(renderReports(f, computeFigures(repo, previousMonthDate(asOf)), meta)).get(
      'partners/alpha.md',
    )!;
    // alpha-2025 in March: hosting 1,000.00 + alpha-hub's bill 200.00 × 1.10 passed through = 220.00 → 1,220.00,
    // the MRR of the dashboard (alpha is the only partner with revenue).
    expect(page).toContain(
      "**MRR 2025-03: 1,220.00 USD** — this partner's part of the dashboard's MRR: fixed fees 1,000.00 + " +
        'usage fees 0.00 + pass-through cloud 220.00.',
    );
    expect(table(page, '## Contracts').map((r) => [r[0], r[5]])).toEqual([['`alpha-2025`', '1,220.00']]);
    expect(metricsJson(f).mrr).toBe('1220.00');
  });
});

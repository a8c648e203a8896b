/**
 * A partner page's tables are written by its view as rows of text (tableRows), not walked by the template: each
 * table keeps its heading, its rows in order and its cells as the template placed them, and an empty table is
 * left out with its heading. On test/fixtures/support (alpha's support requests, feedback and training).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { tableRows } from '../scripts/lib/render/markdown.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { FIXTURES, fixtureCopy, replaceIn } from './helpers/fixtures.js';

const AS_OF = '2025-06-03';

/** alpha's and beta's pages, alpha's contract buying a quarter of an hour of support a month (3 a year). */
async function pages(): Promise<Map<string, string>> {
  const root = fixtureCopy('base', join(FIXTURES, 'support'));
  replaceIn(
    root,
    'partners/alpha/contracts/alpha-2025.yaml',
    'hubs: [alpha-hub]',
    'hubs: [alpha-hub]\nsupport_hours: { amount: 0.25, per: month }',
  );
  const { repo, problems } = await checkData(new FolderSource(root), { asOf: AS_OF });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const meta = { organization: 'Org', asOf: AS_OF, currency: 'USD', revision: 'r', sponsorFeePct: 0 };
  return new Map(renderReports(computeFigures(repo, AS_OF), computeFigures(repo, previousMonthDate(AS_OF)), meta));
}

/** The lines after a table's heading row and its rule, up to the first line that is not a row. */
function rowsAfter(page: string, heading: string): string[] {
  const lines = page.split('\n');
  const at = lines.indexOf(heading);
  expect(at).toBeGreaterThan(-1);
  const rows = [];
  for (let i = at + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
  return rows;
}

describe('tableRows', () => {
  it('writes one "| a | b |" line per row, none for no rows', () => {
    expect(tableRows([])).toBe('');
    expect(tableRows([['a', '']])).toBe('| a |  |');
    expect(
      tableRows([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('| a | b |\n| c | d |');
  });
});

describe("a partner page's tables", () => {
  it('keep their rows and cells: support hours over budget, open requests, training, CSAT', async () => {
    const alpha = (await pages()).get('partners/alpha.md')!;
    // sr-001 1.25 + sr-004 0.5 + sr-006 3 + sr-008 1.5 = 6.25 hours in the contract year, 12 × 0.25 = 3 bought.
    expect(rowsAfter(alpha, '| contract | contract year | hours used | hours bought |')).toEqual([
      '| `alpha-2025` | 2025-03-01 to 2026-02-28 | 6.25 **over budget** | 3 |',
    ]);
    expect(rowsAfter(alpha, '| date | session | kind | attendees |')).toEqual([
      '| 2025-06-03 | [Notebooks for teaching](https://example.org/slides) | workshop | 18 |',
      '| 2024-06-04 | Hub admin onboarding | onboarding | 6 |',
    ]);
    expect(rowsAfter(alpha, '| request | opened | priority | requester | days open |').length).toBeGreaterThan(0);
    expect(alpha).toMatch(/\n\nCSAT \(share of ratings of 4 or 5 out of 5\):\n\n\| survey \| CSAT \| responses \|\n/);
    // No blank line inside a table, and none doubled anywhere.
    expect(alpha).not.toMatch(/\|\n\n\|/);
    expect(alpha).not.toMatch(/\n\n\n/);
  });

  it('leave out an empty table with its heading', async () => {
    const beta = (await pages()).get('partners/beta.md')!;
    expect(beta).not.toContain('| contract | contract year |');
    expect(beta).not.toContain('| date | session |');
    expect(beta).not.toContain('## Support');
  });
});

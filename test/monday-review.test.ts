/* eslint-disable max-len -- the rendered lines are asserted whole, as a reader sees them */
/**
 * The Monday review (SPEC-3 U) on the sample data at 2026-11-24, rendered in-process without a git history:
 * the dashboard names who needs what with owner and MRR at stake, and what to invoice this month.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { sampleCopy } from './helpers/fixtures.js';

const AS_OF = '2026-11-24';
let out: Map<string, string>;

beforeAll(async () => {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: AS_OF });
  const f = computeFigures(repo, AS_OF);
  const previous = computeFigures(repo, previousMonthDate(AS_OF));
  const meta = { organization: 'Sample Org', asOf: AS_OF, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  out = new Map(renderReports(f, previous, meta));
}, 120_000);

/** The lines of a report's section, from its heading to the next heading of the same level. */
function section(file: string, heading: string): string[] {
  const text = out.get(file)!;
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `${heading} in ${file}`).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0];
  const rest = text.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n${level} `));
  return (end < 0 ? rest : rest.slice(0, end)).split('\n');
}

describe('dashboard: needs action this week', () => {
  const table = (header: string, rows: number) => {
    const lines = section('README.md', '## Needs action this week');
    const i = lines.indexOf(header);
    expect(i, header).toBeGreaterThanOrEqual(0);
    return lines.slice(i + 2, i + 2 + rows + 1);
  };

  it('names every off-track and at-risk partner with why, owner and MRR at stake', () => {
    // Riverside lapsed on 2026-11-01: 0.00 this month, and its 12,000 a year (1,000.00 a month) in October.
    expect(table('| partner | health | why | owner | MRR at stake |', 7)).toEqual([
      '| [Riverside Community College](partners/riverside-cc.md) | off track | no agreement for 23 days, hub still running | maria-chen | 0.00 USD (2026-10: 1,000.00) |',
      '| [State Geological Survey](partners/state-geo.md) | off track | invoice INV-2026-1040 131 days overdue | jon-alvarez | 7,356.00 USD |',
      '| [EduHub Resellers Ltd](partners/eduresell.md) | at risk | usage declining | aisha-bello | 4,349.50 USD |',
      '| [LEAP Climate Data Collaboration](partners/leap.md) | at risk | urgent support request sr-002 open 14 days; cloud cost of leap-prod up 30 % on the 3 months before | jon-alvarez | 8,096.00 USD |',
      '| [Open Press Publishing](partners/openpress.md) | at risk | in onboarding for 57 days (more than 30) | maria-chen | 2,500.00 USD |',
      '| [Open Science Education Network](partners/openscied.md) | at risk | latest survey answer scored 5 out of 10 (2026-09-15) | maria-chen | 1,500.00 USD |',
      '| [University of the North](partners/uni-north.md) | at risk | renewal notice date 2026-11-01 passed, nothing signed | maria-chen | 5,040.00 USD |',
      '',
    ]);
  });

  it('names the lapsed agreement with its next extension, the passed notice date and the urgent request', () => {
    expect(table('| partner | lapsed since | next extension | decide by | owner | MRR at stake |', 1)).toEqual([
      '| [Riverside Community College](partners/riverside-cc.md) | 2026-11-01 | 2026-11-29 | 2026-12-13 | maria-chen | 0.00 USD (2026-10: 1,000.00) |',
      '',
    ]);
    expect(table('| contract | partner | notice by | contract ends | owner | MRR at stake |', 1)).toEqual([
      '| `uni-north-2025` | [University of the North](partners/uni-north.md) | 2026-11-01 (passed) | 2026-12-31 | maria-chen | 5,040.00 USD |',
      '',
    ]);
    expect(table('| partner | request | priority | days open | owner | MRR at stake |', 1)).toEqual([
      '| [LEAP Climate Data Collaboration](partners/leap.md) | `sr-002` | urgent | 14 | jon-alvarez | 8,096.00 USD |',
      '',
    ]);
  });

  it('gives the overdue invoices and the deliverables due with their owner', () => {
    const overdue = table('| partner | invoice | outstanding | days overdue | owner | MRR at stake |', 7);
    expect(overdue[0]).toBe(
      '| [DataLab Analytics Inc.](partners/datalab-inc.md) | INV-2025-1058 | 1,900.00 USD | 326 | jon-alvarez | 0.00 USD |',
    );
    expect(overdue[3]).toBe(
      '| [University of the North](partners/uni-north.md) | INV-2026-1027 | 3,500.00 CAD | 39 | maria-chen | 5,040.00 USD |',
    );
    expect(overdue[7]).toBe('');
    expect(table('| deliverable | title | due | owner | |', 1)).toEqual([
      '| `sf-hub-scale/cost-dashboard` | Public per-hub cost dashboard | 2026-10-31 | dev-lee | overdue |',
      '',
    ]);
  });

  it('lists what to invoice this month from the October statement, with a total per currency, linking it', () => {
    // 1,235.50 + 572.00 + 6,000.00 + 356.00 = 8,163.50 USD; 2,681.80 + 1,694.00 = 4,375.80 CAD.
    expect(section('README.md', '## To invoice this month')).toEqual([
      '',
      'The lines of the [billing statement of 2026-10](billing/2026-10.md) still to invoice (its usage, cloud costs and arrears periods are invoiced this month):',
      '',
      '| partner | contract | what | amount |',
      '|---|---|---|---:|',
      '| [EduHub Resellers Ltd](partners/eduresell.md) | `eduhub-reseller` | School users (reseller bands): 1,471 monthly active users | 1,235.50 USD |',
      '| [LEAP Climate Data Collaboration](partners/leap.md) | `leap-2026` | Monthly active users (book bands): 166 monthly active users | 572.00 USD |',
      '| [Open Press Publishing](partners/openpress.md) | `openpress-2026` | Publishing pipeline setup | 6,000.00 USD |',
      '| [State Geological Survey](partners/state-geo.md) | `sgs-subaward` | Monthly active users: 79 monthly active users | 356.00 USD |',
      '| [University of the North](partners/uni-north.md) | `uni-north-2025` | Cloud costs of un-research + 10 % | 2,681.80 CAD |',
      '| [University of the North](partners/uni-north.md) | `uni-north-2025` | Cloud costs of un-teaching + 10 % | 1,694.00 CAD |',
      '',
      '**Total to invoice:** 4,375.80 CAD · 8,163.50 USD',
      '',
    ]);
    expect(out.has('billing/2026-10.md')).toBe(true);
  });
});

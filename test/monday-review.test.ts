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

async function sampleReports(asOf: string): Promise<Map<string, string>> {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf });
  const f = computeFigures(repo, asOf);
  const previous = computeFigures(repo, previousMonthDate(asOf));
  const meta = { organization: 'Sample Org', asOf, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  return new Map(renderReports(f, previous, meta));
}

beforeAll(async () => {
  out = await sampleReports(AS_OF);
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
    // EduHub's usage: 2026-11 has 699 users against (1,413 + 1,343 + 1,471) / 3 = 1,409 over Aug–Oct;
    // 699 / 1,409 − 1 = −0.496 → −50 %.
    // Riverside lapsed on 2026-11-01: 0.00 this month, and its 12,000 a year (1,000.00 a month) in October.
    expect(table('| partner | health | why | owner | MRR at stake |', 7)).toEqual([
      '| [Riverside Community College](partners/riverside-cc.md) | off track | no agreement for 23 days, hub still running | maria-chen | 0.00 USD (2026-10: 1,000.00 USD) |',
      '| [State Geological Survey](partners/state-geo.md) | off track | invoice INV-2026-1040 131 days overdue | jon-alvarez | 7,356.00 USD |',
      '| [EduHub Resellers Ltd](partners/eduresell.md) | at risk | usage declining: 1,409 → 699 monthly active users (−50 % on the mean of the 3 months before) | aisha-bello | 4,349.50 USD |',
      '| [LEAP Climate Data Collaboration](partners/leap.md) | at risk | urgent support request sr-002 open 14 days; cloud cost of leap-prod up 30 % on the 3 months before | jon-alvarez | 8,096.00 USD |',
      '| [Open Press Publishing](partners/openpress.md) | at risk | in onboarding for 57 days (more than 30) | maria-chen | 2,500.00 USD |',
      '| [Open Science Education Network](partners/openscied.md) | at risk | latest survey answer scored 5 out of 10 (2026-09-15) | maria-chen | 1,500.00 USD |',
      '| [University of the North](partners/uni-north.md) | at risk | renewal notice date 2026-11-01 passed, nothing signed | maria-chen | 5,040.00 USD |',
      '',
    ]);
  });

  it('names the lapsed agreement with its next extension, the passed notice date and the urgent request', () => {
    expect(table('| partner | lapsed since | next extension | decide by | owner | MRR at stake |', 1)).toEqual([
      '| [Riverside Community College](partners/riverside-cc.md) | 2026-11-01 | 2026-11-29 | 2026-12-13 | maria-chen | 0.00 USD (2026-10: 1,000.00 USD) |',
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
      '| [University of the North](partners/uni-north.md) | INV-2026-1027 | 3,500.00 CAD (≈ 2,520.00 USD) | 39 | maria-chen | 5,040.00 USD |',
    );
    expect(overdue[7]).toBe('');
    expect(table('| deliverable | title | due | owner | |', 1)).toEqual([
      '| `sf-hub-scale/cost-dashboard` | Public per-hub cost dashboard | 2026-10-31 | dev-lee | overdue |',
      '',
    ]);
  });

  it('lists what to invoice this month from the October statement, with a total per currency, linking it', () => {
    // 1,235.50 + 572.00 + 6,000.00 + 356.00 = 8,163.50 USD; 2,681.80 + 1,694.00 = 4,375.80 CAD, beside it its USD
    // at 2026-11's 0.72: 1,930.896 → 1,930.90, 1,219.68, 3,150.576 → 3,150.58 (each rounded once, never added).
    expect(section('README.md', '## To invoice this month')).toEqual([
      '',
      'The lines of the [billing statement of 2026-10](billing.md) still to invoice (its usage, cloud costs and arrears periods are invoiced this month):',
      '',
      '| partner | contract | what | amount |',
      '|---|---|---|---:|',
      '| [EduHub Resellers Ltd](partners/eduresell.md) | `eduhub-reseller` | School users (reseller bands): 1,471 monthly active users | 1,235.50 USD |',
      '| [LEAP Climate Data Collaboration](partners/leap.md) | `leap-2026` | Monthly active users (book bands): 166 monthly active users | 572.00 USD |',
      '| [Open Press Publishing](partners/openpress.md) | `openpress-2026` | Publishing pipeline setup | 6,000.00 USD |',
      '| [State Geological Survey](partners/state-geo.md) | `sgs-subaward` | Monthly active users: 79 monthly active users | 356.00 USD |',
      '| [University of the North](partners/uni-north.md) | `uni-north-2025` | Cloud costs of un-research + 10 % | 2,681.80 CAD (≈ 1,930.90 USD) |',
      '| [University of the North](partners/uni-north.md) | `uni-north-2025` | Cloud costs of un-teaching + 10 % | 1,694.00 CAD (≈ 1,219.68 USD) |',
      '',
      '**Total to invoice:** 4,375.80 CAD (≈ 3,150.58 USD) · 8,163.50 USD',
      '',
    ]);
    expect(out.has('billing.md')).toBe(true);
  });
});

describe('the way around: back to the dashboard, the partners list, the billing statement', () => {
  it('links every report but the dashboard back to it, from its own folder', () => {
    for (const [file, text] of out) {
      const lines = text.split('\n');
      const home =
        file === 'README.md'
          ? undefined
          : file.includes('/')
            ? '[← Dashboard](../README.md)'
            : '[← Dashboard](README.md)';
      // The title, the as-of line, then the link.
      expect(lines[4], file).toBe(home ?? '## Headline figures');
    }
    expect(out.get('partners/leap.md')!.split('\n')[4]).toBe('[← Dashboard](../README.md)');
  });

  it('lists every partner by name in partners/README.md with stage, owner, health, MRR and costs ÷ revenue', () => {
    const lines = out.get('partners/README.md')!.split('\n');
    const i = lines.indexOf('| partner | stage | owner | health | MRR 2026-11 (incomplete) | costs ÷ revenue |');
    expect(lines.slice(i + 2)).toEqual([
      '| [City Civic Data Office](civic-data.md) | lead | aisha-bello | — | 0.00 USD | no ratio: no revenue |',
      '| [Coastal Technical University](coastal-tech.md) | negotiation | jon-alvarez | — | 0.00 USD | no ratio: no revenue |',
      '| [DataLab Analytics Inc.](datalab-inc.md) | churned | jon-alvarez | — | 0.00 USD | no ratio: no revenue |',
      '| [EduHub Resellers Ltd](eduresell.md) | active | aisha-bello | at risk | 4,349.50 USD | not recorded |',
      '| [Helix Genomics](helix.md) | lost | jon-alvarez | — | 0.00 USD | no ratio: no revenue |',
      '| [LEAP Climate Data Collaboration](leap.md) | active | jon-alvarez | at risk | 8,096.00 USD | 2.06 (costs are 206 % of revenue) |',
      '| [Nimbus Cloud Research Credits](nimbus.md) | paused | aisha-bello | on track | 0.00 USD | no ratio: no revenue |',
      '| [Open Press Publishing](openpress.md) | onboarding | maria-chen | at risk | 2,500.00 USD | not recorded |',
      '| [Open Science Education Network](openscied.md) | active | maria-chen | at risk | 1,500.00 USD | 3.66 (costs are 366 % of revenue) |',
      '| [Prairie Community College](prairie-college.md) | proposal | maria-chen | — | 0.00 USD | no ratio: no revenue |',
      '| [Riverside Community College](riverside-cc.md) | paused | maria-chen | off track | 0.00 USD | no contract |',
      '| [Southern Marine Observatory Consortium](marine-obs.md) | qualified | aisha-bello | — | 0.00 USD | no ratio: no revenue |',
      '| [State Geological Survey](state-geo.md) | active | jon-alvarez | off track | 7,356.00 USD | 0.75 (costs are 75 % of revenue) |',
      '| [University of the North](uni-north.md) | active | maria-chen | at risk | 5,040.00 USD | not recorded |',
      '',
    ]);
  });

  it('points the dashboard at the partners list and the billing statement, and invoicing.md at the statement', () => {
    const dashboard = out.get('README.md')!.split('\n');
    expect(dashboard).toContain(
      '- [Partners](partners/README.md) — every partner with its stage, owner, health, MRR and costs ÷ revenue, and its own page',
    );
    expect(dashboard).toContain(
      '- [Billing statement of 2026-10](billing.md) — what to invoice this month, per partner, with a total per currency',
    );
    expect(dashboard.some((l) => l.includes('](partners/)'))).toBe(false);
    expect(out.get('invoicing.md')!.split('\n')[6]).toBe(
      'What to invoice this month, line by line: the [billing statement of 2026-10](billing.md).',
    );
  });
});

describe('partner pages: health with owner, MRR at stake and the next step of each reason', () => {
  it('gives every reason its next step and due date, as the weekly review does', () => {
    expect(out.get('partners/leap.md')!.split('\n').slice(8, 13)).toEqual([
      'Health: **at risk** · account owner jon-alvarez · MRR at stake 8,096.00 USD ([weekly review](../engagement-review.md)).',
      '',
      '- urgent support request sr-002 open 14 days → next: resolve the request or agree a plan with the partner by 2026-11-24 (today)',
      '- cloud cost of leap-prod up 30 % on the 3 months before → next: check the cloud cost jump with the hub team by 2026-12-01 (in 7 days)',
      '',
    ]);
    // Lapsed on 2026-11-01: nothing this month, so October's MRR beside it; decide by 2026-11-01 + 42.
    expect(out.get('partners/riverside-cc.md')!.split('\n').slice(8, 11)).toEqual([
      'Health: **off track** · account owner maria-chen · MRR at stake 0.00 USD (2026-10: 1,000.00 USD) ([weekly review](../engagement-review.md)).',
      '',
      '- no agreement for 23 days, hub still running → next: renew or offboard by 2026-12-13 (in 19 days)',
    ]);
    // On track: no reason, nothing at stake to name.
    expect(out.get('partners/nimbus.md')!.split('\n')[8]).toBe(
      'Health: **on track** ([weekly review](../engagement-review.md)).',
    );
  });
});

describe('engagement review: owner, MRR at stake, next step, and what turned worse this week', () => {
  it('gives each reason its next step with a due date, the owner and the MRR at stake', () => {
    const lines = section('engagement-review.md', '## At risk (5)');
    // Due dates: the request open over 7 days today; the passed notice by uni-north-2025's offboarding request
    // (2026-12-31 − 14 = 2026-12-17); the rest within the week (2026-11-24 + 7 = 2026-12-01).
    expect(lines.slice(3, 9)).toEqual([
      '| [EduHub Resellers Ltd](partners/eduresell.md) | active | usage declining: 1,409 → 699 monthly active users (−50 % on the mean of the 3 months before) → next: ask the partner why usage fell by 2026-12-01 (in 7 days) | aisha-bello | 4,349.50 USD |',
      '| [LEAP Climate Data Collaboration](partners/leap.md) | active | urgent support request sr-002 open 14 days → next: resolve the request or agree a plan with the partner by 2026-11-24 (today)<br>cloud cost of leap-prod up 30 % on the 3 months before → next: check the cloud cost jump with the hub team by 2026-12-01 (in 7 days) | jon-alvarez | 8,096.00 USD |',
      '| [Open Press Publishing](partners/openpress.md) | onboarding | in onboarding for 57 days (more than 30) → next: agree the next onboarding milestone and its date by 2026-12-01 (in 7 days) | maria-chen | 2,500.00 USD |',
      '| [Open Science Education Network](partners/openscied.md) | active | latest survey answer scored 5 out of 10 (2026-09-15) → next: follow up on the survey answer by 2026-12-01 (in 7 days) | maria-chen | 1,500.00 USD |',
      '| [University of the North](partners/uni-north.md) | active | renewal notice date 2026-11-01 passed, nothing signed → next: get the renewal signed or send the offboarding request by 2026-12-17 (in 23 days) | maria-chen | 5,040.00 USD |',
      '',
    ]);
    // The lapse's next step is due on its decision date, 2026-11-01 + 42 = 2026-12-13.
    expect(section('engagement-review.md', '## Off track (2)')[3]).toBe(
      '| [Riverside Community College](partners/riverside-cc.md) | paused | no agreement for 23 days, hub still running → next: renew or offboard by 2026-12-13 (in 19 days) | maria-chen | 0.00 USD (2026-10: 1,000.00 USD) |',
    );
    expect(section('engagement-review.md', '## Turned off track or at risk since last week')).toEqual([
      '',
      "No partner's health got worse since 2026-11-17.",
      '',
    ]);
  });

  it('names the partners whose health got worse since D − 7, with what it was', async () => {
    // At 2026-11-03 against 2026-10-27: Riverside's contract ended 2026-10-31 (lapsed 2 days), uni-north-2025's
    // notice date 2026-11-01 passed, Open Press is 36 days in onboarding (29 a week before), EduHub's usage fell.
    const reports = await sampleReports('2026-11-03');
    const review = reports.get('engagement-review.md')!;
    // The partner's page says it too, with the next step (the offboarding request, 2026-12-31 − 14 = 2026-12-17).
    expect(reports.get('partners/uni-north.md')!.split('\n').slice(8, 11)).toEqual([
      'Health: **at risk** · **turned at risk since last week** (on track on 2026-10-27) · account owner maria-chen · MRR at stake 5,040.00 USD ([weekly review](../engagement-review.md)).',
      '',
      '- renewal notice date 2026-11-01 passed, nothing signed → next: get the renewal signed or send the offboarding request by 2026-12-17 (in 44 days)',
    ]);
    const lines = review.split('\n');
    const i = lines.indexOf('| partner | now | on 2026-10-27 | why |');
    expect(lines.slice(i + 2, i + 7)).toEqual([
      '| [Riverside Community College](partners/riverside-cc.md) | off track | on track | no agreement for 2 days, hub still running |',
      '| [EduHub Resellers Ltd](partners/eduresell.md) | at risk | on track | usage declining: 1,409 → 699 monthly active users (−50 % on the mean of the 3 months before) |',
      '| [Open Press Publishing](partners/openpress.md) | at risk | on track | in onboarding for 36 days (more than 30) |',
      '| [University of the North](partners/uni-north.md) | at risk | on track | renewal notice date 2026-11-01 passed, nothing signed |',
      '',
    ]);
  }, 60_000);
});

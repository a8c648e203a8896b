/* eslint-disable max-len -- the rendered lines are asserted whole, as a reader sees them */
/**
 * The Monday review's reading (SPEC-3 U) on the sample data at 2026-11-24: plain words — no FMRR, CMRR, RMRR, NMRR
 * or LQR, no milestone ids or settings keys on a page, the words linked to their definition in docs/figures.md —
 * long histories folded into <details>, and months with nothing in them left out with a line saying so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate, type Figures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { changesView } from '../scripts/lib/render/views/changes.js';
import { DEFINITIONS } from '../scripts/lib/render/views/terms.js';
import { headingAnchors } from './helpers/browser.js';
import { REPO_ROOT, sampleCopy } from './helpers/fixtures.js';

const AS_OF = '2026-11-24';
let out: Map<string, string>;

beforeAll(async () => {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: AS_OF });
  const f = computeFigures(repo, AS_OF);
  const meta = { organization: 'Sample Org', asOf: AS_OF, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  out = new Map(renderReports(f, computeFigures(repo, previousMonthDate(AS_OF)), meta));
}, 120_000);

/** The lines from a line equal to `first`, `count` of them. */
function linesFrom(file: string, first: string, count: number): string[] {
  const lines = out.get(file)!.split('\n');
  const i = lines.indexOf(first);
  expect(i, `${first} in ${file}`).toBeGreaterThanOrEqual(0);
  return lines.slice(i, i + count);
}

describe('plain words instead of abbreviations, ids and settings keys', () => {
  it('says no FMRR, CMRR, RMRR, NMRR or LQR, no milestone id and no settings key on any page', () => {
    const found: string[] = [];
    const words =
      /\b(FMRR₆?|CMRR|RMRR|NMRR|LQR)\b|\b(first_contact|proposal_sent|contract_signed|hub_live|onboarding_complete)\b|`[a-z]+_[a-z_]+`/g;
    for (const [file, text] of out) {
      // The onboarding page tells the reader which field to fill in: that one names the field on purpose.
      const said = text.replace('as `first_value` under its milestones', '');
      for (const m of said.matchAll(words)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('names the forecast and its parts in words in pipeline.md, linked to their definition', () => {
    expect(linesFrom('pipeline.md', '## Forecast monthly recurring revenue', 12)).toEqual([
      '## Forecast monthly recurring revenue',
      '',
      'The forecast of each month = the committed fees of signed contracts (as in the [projection](projection.md)) + 0.8 × the revenue up for renewal (the monthly fees of contracts that have ended with no later contract) + 0.3 × the fees of draft contracts in force. [How each part is computed](../docs/figures.md#forecast-monthly-recurring-revenue).',
      '',
      '| month | committed fees | up for renewal | draft contracts | forecast |',
      '|---|---:|---:|---:|---:|',
      '| 2026-12 | 27,040.00 | 0.00 | 0.00 | 27,040.00 |',
      '| 2027-01 | 22,000.00 | 5,040.00 | 6,534.52 | 27,992.36 |',
      '| 2027-02 | 22,000.00 | 5,040.00 | 6,356.99 | 27,939.09 |',
      '| 2027-03 | 22,000.00 | 5,040.00 | 6,534.52 | 27,992.36 |',
      '| 2027-04 | 14,500.00 | 12,540.00 | 6,475.34 | 26,474.60 |',
      '| 2027-05 | 14,500.00 | 12,540.00 | 6,534.52 | 26,492.36 |',
    ]);
    expect(out.get('pipeline.md')).toContain('| **next 6 months together** | | | | **163,930.77** |');
    expect(linesFrom('pipeline.md', '| KPI | over | now | | target | |', 5).slice(2)).toEqual([
      '| [Lead qualification ratio](../docs/figures.md#lead-qualification-ratio) | leads first contacted 2025-11-24 (exclusive) to 2026-11-24 | 0.8000 | 4 of 5 qualified | 0.1500 | on target |',
      '| [Renewal rate](../docs/figures.md#renewal-rate) | contracts ending 2026-05-24 (exclusive) to 2026-11-24 | 0.2500 | 1 of 4 renewed; churn 0.7500 | 0.8000 | below target |',
      '| [Forecast monthly recurring revenue, next 6 months together](../docs/figures.md#forecast-monthly-recurring-revenue) | 2026-12 to 2027-05 | 163,930.77 | see the forecast below | — | — |',
    ]);
  });

  it('links the dashboard headline figures known by a short form to their definition', () => {
    expect(out.get('README.md')!.split('\n')).toContain(
      '| [Forecast monthly recurring revenue, next 6 months together](../docs/figures.md#forecast-monthly-recurring-revenue) | 163,930.77 | -18,286.77 |',
    );
  });

  it('writes milestones in words: a partner page, the cohorts and the onboarding times', () => {
    expect(linesFrom('partners/uni-north.md', '| milestone | date |', 9)).toEqual([
      '| milestone | date |',
      '|---|---|',
      '| first contact | 2024-02-12 |',
      '| qualified | 2024-03-01 |',
      '| proposal sent | 2024-04-15 |',
      '| contract signed | 2024-06-10 |',
      '| hub live | 2024-07-08 |',
      '| first value | 2024-07-29 |',
      '| onboarding complete | 2024-08-30 |',
    ]);
    expect(out.get('pipeline.md')!.split('\n')).toContain(
      '| quarter | leads | first contact → qualified | qualified → proposal sent | proposal sent → contract signed | contract signed → hub live | hub live → onboarding complete | onboarding complete → churned |',
    );
    expect(linesFrom('onboarding.md', '| from | to | median days | 90th percentile | partners |', 3)[2]).toBe(
      '| first contact | qualified | 18 | 39.2 | 13 |',
    );
  });

  it('links only to headings docs/figures.md has', () => {
    const anchors = headingAnchors(readFileSync(join(REPO_ROOT, 'docs', 'figures.md'), 'utf8'));
    expect(Object.values(DEFINITIONS).filter((a) => !anchors.has(a))).toEqual([]);
  });
});

describe('long histories fold, empty months are left out', () => {
  it("shows a partner's 12 latest invoices and folds the older ones, each amount with its currency", () => {
    const lines = out.get('partners/uni-north.md')!.split('\n');
    const i = lines.indexOf('| invoice | issued | due | amount | paid | outstanding | status |');
    // 29 invoices, 2024-07 to 2026-11: the 12 latest (2025-12 to 2026-11) shown, the 17 before folded.
    expect(lines.slice(i + 2, i + 5)).toEqual([
      '| INV-2026-1029 | 2026-11-01 | 2026-12-16 | 7,000.00 CAD | 0.00 CAD | 7,000.00 CAD | sent |',
      '| INV-2026-1028 | 2026-10-01 | 2026-11-15 | 7,000.00 CAD | 0.00 CAD | 7,000.00 CAD | sent |',
      '| INV-2026-1027 | 2026-09-01 | 2026-10-16 | 7,000.00 CAD | 3,500.00 CAD | 3,500.00 CAD | sent |',
    ]);
    expect(lines.slice(i + 13, i + 19)).toEqual([
      '| INV-2025-1018 | 2025-12-01 | 2026-01-15 | 7,000.00 CAD | 7,000.00 CAD | 0.00 CAD | paid |',
      '',
      '<details><summary>17 older invoices, issued 2024-07-01 to 2025-11-01</summary>',
      '',
      '| invoice | issued | due | amount | paid | outstanding | status |',
      '|---|---|---|---:|---:|---:|---|',
    ]);
    expect(lines.slice(i + 35, i + 38)).toEqual([
      '| INV-2024-1001 | 2024-07-01 | 2024-07-31 | 6,400.00 CAD | 6,400.00 CAD | 0.00 CAD | paid |',
      '',
      '</details>',
    ]);
    // Six invoices: nothing to fold.
    expect(out.get('partners/eduresell.md')).not.toContain('<details>');
  });

  it('leaves out the months with nothing in them, and says which', () => {
    // Open Press signed in October 2026: nothing before, so 2025-12 to 2026-09 are one line.
    const openpress = out.get('partners/openpress.md')!.split('\n');
    const i = openpress.indexOf('| month | revenue | cloud cost | share of recurring costs | costs ÷ revenue |');
    expect(openpress.slice(i + 2, i + 7)).toEqual([
      '| 2026-10 | 1,370.97 | 528.00 | 5,496.67 | 4.39 (costs are 439 % of revenue) |',
      '| 2026-11 (incomplete) | 2,500.00 | not recorded | 5,496.67 | not recorded |',
      '',
      'Left out, with no revenue, no cloud cost and no share of the recurring costs: 2025-12 to 2026-09.',
      '',
    ]);
    // A lead: no table at all, one line.
    const lead = out.get('partners/civic-data.md')!;
    expect(lead).toContain(
      '\n\nNothing in 2025-12 to 2026-11: no revenue, no cloud cost and no share of the recurring costs.\n\n## Notes',
    );
    expect(lead).not.toContain('| month | revenue |');
  });
});

describe('every amount carries its currency, with the reporting currency beside another one', () => {
  it("shows a CAD amount's USD equivalent at the as-of month's rate where currencies mix", () => {
    // CAD from 2026-07: 0.72 USD. 3,500.00 × 0.72 = 2,520.00; 120,000.00 × 0.72 = 86,400.00;
    // the CAD lines to invoice: 2,681.80 + 1,694.00 = 4,375.80 × 0.72 = 3,150.576 → 3,150.58.
    const dashboard = out.get('README.md')!.split('\n');
    expect(dashboard).toContain(
      '| [University of the North](partners/uni-north.md) | INV-2026-1027 | 3,500.00 CAD (≈ 2,520.00 USD) | 39 | maria-chen | 5,040.00 USD |',
    );
    expect(dashboard).toContain('**Total to invoice:** 4,375.80 CAD (≈ 3,150.58 USD) · 8,163.50 USD');
    expect(out.get('grants.md')!.split('\n')).toContain(
      '`open-ed-fund` · Open Education Fund (fictional) · **closed** · 120,000.00 CAD (≈ 86,400.00 USD) · 2024-01-01 to 2025-06-30 · owner maria-chen · 2 of 3 done on time (67 %)',
    );
    // A partner's balance outstanding: 17,500.00 × 0.72 = 12,600.00.
    expect(out.get('partners/uni-north.md')).toContain('Balance outstanding: **17,500.00 CAD (≈ 12,600.00 USD)**.');
    expect(out.get('invoicing.md')!.split('\n')).toContain(
      '| `uni-north-2024` | [University of the North](partners/uni-north.md) | Hub deployment and SSO integration | one-time fee dated 2024-07-01 | 8,000.00 CAD (≈ 5,760.00 USD) |',
    );
  });

  it('never says "amounts in USD" above CAD rows: the header says unmarked amounts are in USD', () => {
    for (const [file, text] of out) {
      expect(text, file).not.toContain('amounts in USD');
      // The billing statement's amounts are each in their contract's currency, and it says so instead.
      const says =
        file === 'billing.md'
          ? " · amounts in each contract's currency. "
          : ' · amounts without a currency are in USD. ';
      expect(text.split('\n')[2], file).toContain(says);
    }
    // The MRR at stake of a lapsed agreement gives the month before's MRR with its currency.
    expect(out.get('partners/riverside-cc.md')).toContain('MRR at stake 0.00 USD (2026-10: 1,000.00 USD)');
    expect(out.get('partners/uni-north.md')).toContain('**MRR 2026-11: 5,040.00 USD** — ');
  });
});

describe('changes.md groups the changes by partner', () => {
  it('lists the partners by name as partners/README.md does, then grants, then the rest last', () => {
    // Ids in one order (a-zeta < b-alpha), names in the other: the reader looks a partner up by its name.
    const partner = (id: string, name: string) => ({ id, profile: { value: { name } } });
    const commit = { commit: 'abc1234', date: '2026-11-20', author: 'Ann', subject: 'Edit', files: [] };
    const group = (kind: string, id: string) => ({ kind, id, commits: [commit] });
    const f = {
      history: {
        available: true,
        changes: [group('other', ''), group('grant', 'g1'), group('partner', 'a-zeta'), group('partner', 'b-alpha')],
      },
      ctx: {
        partnerById: new Map([
          ['a-zeta', partner('a-zeta', 'Zeta College')],
          ['b-alpha', partner('b-alpha', 'Alpha University')],
        ]),
        repo: { grants: [{ id: 'g1', grant: { value: { title: 'Open hubs' } } }] },
      },
    } as unknown as Figures;
    const meta = { organization: 'Org', asOf: AS_OF, currency: 'USD', revision: 'r', sponsorFeePct: 0 };
    expect(changesView(f, meta).groups.map((g) => g.title)).toEqual([
      'Partner [Alpha University](partners/b-alpha.md)',
      'Partner [Zeta College](partners/a-zeta.md)',
      'Grant Open hubs',
      'Settings and organisation costs',
    ]);
  });
});

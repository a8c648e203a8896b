/**
 * A contract's fixed fees month by month (revenue.ts): a month wholly inside the term of a contract whose fees are
 * all monthly is their amounts added, the same every such month; a month the term cuts is prorated by its days.
 * On the base fixture with alpha's contract replaced: hosting 1000 + support 250.50 a month from 2025-03-10,
 * terminated 2025-06-20 (so May is whole, March has 22 of 31 days and June 20 of 30).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { OverlaySource } from '../scripts/lib/edit/overlay-source.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { partnerRevenue } from '../scripts/lib/figures/revenue.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { FIXTURES } from './helpers/fixtures.js';

const contract = (fees: string) =>
  'id: alpha-2025\npartner: alpha\nkind: service-agreement\nstatus: terminated\nsigned: 2025-02-01\n' +
  'start: 2025-03-10\nend: 2027-02-28\nterminated: 2025-06-20\ncurrency: USD\nfees:\n' +
  fees +
  'cloud: { billing: partner-pays }\nbilling: { every: month, in: advance }\nhubs: [alpha-hub]\n';

async function revenues(fees: string, months: string[]) {
  const source = new OverlaySource(
    new FolderSource(join(FIXTURES, 'base')),
    new Map([
      ['partners/alpha/contracts/alpha-2025.yaml', contract(fees)],
      ['partners/alpha/invoices.yaml', '[]\n'],
    ]),
  );
  const { problems, repo } = await checkData(source, { asOf: '2025-07-15' });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const f = computeFigures(repo, '2025-07-15');
  const alpha = f.ctx.partnerById.get('alpha')!;
  return months.map((m) => partnerRevenue(f.ctx, alpha, m).toFixed(6));
}

describe("a contract's fixed fees by month", () => {
  it('monthly fees: their sum in a whole month, prorated by days in a month the term cuts, 0 outside', async () => {
    const fees =
      '  - { id: hosting, description: Hosting, amount: 1000, per: month }\n' +
      '  - { id: support, description: Support, amount: 250.50, per: month }\n';
    // March 1250.50 × 22/31 = 887.451613; June 1250.50 × 20/30 = 833.666667.
    expect(await revenues(fees, ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'])).toEqual([
      '0.000000',
      '887.451613',
      '1250.500000',
      '1250.500000',
      '833.666667',
      '0.000000',
    ]);
  });

  it('a quarterly fee beside a monthly one: each whole month a third of the quarter, no shortcut', async () => {
    const fees =
      '  - { id: hosting, description: Hosting, amount: 1000, per: month }\n' +
      '  - { id: review, description: Review, amount: 300, per: quarter }\n';
    // April and May: 1000 + 100; March: 1100 × 22/31 = 780.645161.
    expect(await revenues(fees, ['2025-03', '2025-04', '2025-05'])).toEqual([
      '780.645161',
      '1100.000000',
      '1100.000000',
    ]);
  });
});

/**
 * The bench's synthetic data is valid by construction, as a team's data is:
 * no errors, and its invoices bill what their contracts' fees come to (it
 * once prorated every period by days, which 6,231 `invoice-amount-mismatch`
 * warnings at 1,000 partners then had validate locate and print).
 */
import { describe, expect, it } from 'vitest';
import { BENCH_AS_OF, generate } from '../bench/generate.js';
import { checkData } from '../scripts/lib/check/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { tempDir } from './helpers/fixtures.js';

describe('the bench data', () => {
  it('has no errors and no invoice for another amount than its contract bills', async () => {
    const out = tempDir();
    expect(generate({ partners: 60, seed: 1, out }).files).toBeGreaterThan(250);
    const { problems, repo } = await checkData(new FolderSource(out), { asOf: BENCH_AS_OF });
    expect(problems.filter((p) => p.severity === 'error' || p.rule === 'invoice-amount-mismatch')).toEqual([]);
    // Not vacuous: years of invoices, stubs of terminated contracts among them.
    expect(repo.partners.reduce((n, p) => n + p.invoices.length, 0)).toBeGreaterThan(300);
  });
});

/**
 * Properties of the revenue scenarios (SPEC-3 S6) over random pipelines (fast-check). The data is loaded once
 * (test/fixtures/runway over base); each case swaps beta's contracts for random drafts in memory and calls the
 * pure figure functions, so no case touches the disk. FC_RUNS=200 runs it longer.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { figureContext } from '../scripts/lib/figures/context.js';
import { orderBreaches, scenarios } from '../scripts/lib/figures/scenarios.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { Decimal } from '../scripts/lib/money/decimal.js';
import type { Contract } from '../scripts/lib/model/records.js';
import type { Repository } from '../scripts/lib/model/repository.js';
import { addDays, addMonths } from '../scripts/lib/time/calendar.js';
import { FIXTURES, fixtureCopy } from './helpers/fixtures.js';

const CASES = Number(process.env.FC_RUNS ?? 20);
const D = '2026-01-15';
/** Six projection months after D: the scenario months S4 and S5 read. */
const MONTHS = Array.from({ length: 6 }, (_, i) => addMonths('2026-02', i));

let repo: Repository;
beforeAll(async () => {
  const root = fixtureCopy('base', join(FIXTURES, 'runway'));
  repo = (await checkData(new FolderSource(root), { asOf: D })).repo;
});

interface Draft {
  probability: number;
  /** Whole US dollars a month, so a month's fee is exact. */
  monthly: number;
  /** Indexes into MONTHS of the first and last month of the contract (whole months). */
  from: number;
  to: number;
}

const draft: fc.Arbitrary<Draft> = fc
  .record({
    probability: fc.integer({ min: 0, max: 100 }),
    monthly: fc.integer({ min: 1, max: 50_000 }),
    a: fc.integer({ min: 0, max: 5 }),
    b: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ probability, monthly, a, b }) => ({ probability, monthly, from: Math.min(a, b), to: Math.max(a, b) }));

/** The runway fixture with beta's contracts replaced by `drafts` (ids d00, d01…, in draw order). */
function withDrafts(drafts: readonly Draft[]): Repository {
  const beta = repo.partners.find((p) => p.id === 'beta')!;
  const model = beta.contracts.find((c) => c.value.id === 'beta-low')!;
  const contracts = drafts.map((d, i) => {
    const value: Contract = {
      ...model.value,
      id: `d${String(i).padStart(2, '0')}`,
      currency: 'USD',
      start: `${MONTHS[d.from]}-01`,
      end: addDays(`${addMonths(MONTHS[d.to], 1)}-01`, -1),
      fees: [{ id: 'fee', description: 'Monthly fee', amount: d.monthly, per: 'month' }],
      probability: d.probability,
    };
    return { ...model, value };
  });
  return { ...repo, partners: repo.partners.map((p) => (p === beta ? { ...beta, contracts } : p)) };
}

const RUNS = 10_000;

describe('scenarios over random pipelines (S6)', () => {
  it('the mean converges on committed + Σ probability × monthly fee, and every order breach is reported', () => {
    fc.assert(
      fc.property(
        fc.array(draft, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (drafts, committedCents, seed) => {
          const ctx = figureContext(withDrafts(drafts), D);
          const committed = MONTHS.map((month, m) => ({ month, committed: new Decimal(committedCents[m]).div(100) }));
          const s = scenarios(ctx, committed, seed, RUNS);
          s.months.forEach((row, m) => {
            const live = drafts.filter((d) => d.from <= m && m <= d.to);
            // The mean of R runs is committed + Σ fee_i × n_i / R with n_i ~ Binomial(R, p_i), independent draws:
            // its standard error is √(Σ fee_i² p_i (1 − p_i) / R). Allow 5 standard errors (a normal tail of
            // 5.7 × 10⁻⁷ per month checked) and nothing more: at p = 0 or 100 % the mean is exact.
            const expected = committed[m].committed.plus(
              live.reduce((acc, d) => acc.plus(new Decimal(d.monthly).times(d.probability).div(100)), new Decimal(0)),
            );
            const variance = live.reduce((acc, d) => {
              const p = new Decimal(d.probability).div(100);
              return acc.plus(new Decimal(d.monthly).pow(2).times(p).times(new Decimal(1).minus(p)));
            }, new Decimal(0));
            const bound = variance.div(RUNS).sqrt().times(5);
            expect(row.mean.minus(expected).abs().lessThanOrEqualTo(bound)).toBe(true);
            // Every run's revenue is committed plus non-negative fees, so committed ≤ P10 ≤ P90 always holds.
            expect(row.committed.lessThanOrEqualTo(row.p10)).toBe(true);
            expect(row.p10.lessThanOrEqualTo(row.p90)).toBe(true);
            // The mean may fall outside P10–P90 (a long shot: one 5 % deal leaves P90 at committed while the mean
            // is above it); S6 reports each such month, and no month slips through.
            const outside = row.mean.lessThan(row.p10) || row.mean.greaterThan(row.p90);
            expect(s.breaches.filter((b) => b.month === row.month)).toEqual(orderBreaches(row));
            expect(orderBreaches(row).length > 0).toBe(outside);
            // With every deal between 20 % and 80 %, the mean lies inside P10–P90: no breach at all.
            if (drafts.every((d) => d.probability >= 20 && d.probability <= 80)) expect(outside).toBe(false);
          });
        },
      ),
      { numRuns: CASES },
    );
  });

  it('reports a long shot: one 5 % deal of 1,000.00 a month puts the mean above P90', () => {
    const ctx = figureContext(withDrafts([{ probability: 5, monthly: 1000, from: 0, to: 5 }]), D);
    const committed = MONTHS.map((month) => ({ month, committed: new Decimal(500) }));
    const s = scenarios(ctx, committed, 42, 1000);
    // Fewer than 10 % of runs close it, so P10 = P90 = 500.00 while the mean is 500 + 1000 × n / 1000 > 500.
    const first = s.months[0];
    expect(first.p10.toFixed(2)).toBe('500.00');
    expect(first.p90.toFixed(2)).toBe('500.00');
    expect(first.mean.greaterThan(500)).toBe(true);
    expect(s.breaches).toEqual(MONTHS.map((month) => ({ month, breach: 'mean-above-p90' })));
  });
});

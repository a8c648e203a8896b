/**
 * Properties over random inputs (fast-check). Bounded so the suite stays
 * quick; FC_RUNS=2000 npm test runs them longer.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkData } from '../scripts/lib/check/index.js';
import { OverlaySource } from '../scripts/lib/edit/overlay-source.js';
import { figureContext } from '../scripts/lib/figures/context.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { BUCKETS, receivables } from '../scripts/lib/figures/receivables.js';
import { monthlyFigure } from '../scripts/lib/figures/recurring.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { dec, sum, toFixed } from '../scripts/lib/money/decimal.js';
import { CONFIG_DEFAULTS, type Invoice } from '../scripts/lib/model/records.js';
import type { Repository } from '../scripts/lib/model/repository.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { addDays, addMonths, daysBetween } from '../scripts/lib/time/calendar.js';
import { FIXTURES } from './helpers/fixtures.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);
const BASE = join(FIXTURES, 'base');
const FILES = [
  'ops.config.yaml',
  'partners/alpha/contracts/alpha-2025.yaml',
  'partners/alpha/invoices.yaml',
  'partners/alpha/usage.yaml',
  'grants/g1/deliverables.yaml',
  'costs/recurring.yaml',
  'partners/beta/contracts/beta-draft.yaml',
];

type Json = unknown;
/** An object or a list inside the parsed document, indexed by key or position. */
type Container = Json[] & Record<string | number, Json>;
/** Every path to a value inside `data`. */
function paths(data: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(data)) return [at, ...data.flatMap((v, i) => paths(v, [...at, i]))];
  if (data && typeof data === 'object') return [at, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

const mutation = fc.oneof(
  fc.constant({ kind: 'remove' as const }),
  fc.constant({ kind: 'misspell' as const }),
  fc.record({
    kind: fc.constant('replace' as const),
    value: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      fc.constantFrom('2026-02-30', '2026-13-01', '99999-01-01', '2026-1-5', 'a\u0000b\u0007c', '__proto__'),
    ),
  }),
);

describe('the validator on randomly broken records', () => {
  it('never crashes and locates every problem on a real line', async () => {
    const base = new FolderSource(BASE);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.nat(), mutation, async (file, pick, m) => {
        const original = (await base.read(file)).toString('utf8');
        const data = parse(original, { version: '1.2' }) as Json;
        const all = paths(data).filter((p) => p.length > 0);
        const target = all[pick % all.length];
        const parent = target.slice(0, -1).reduce((d, k) => (d as Container)[k as number], data) as Container;
        const key = target[target.length - 1] as number;
        if (m.kind === 'remove') {
          if (Array.isArray(parent)) parent.splice(key, 1);
          else delete parent[key];
        } else if (m.kind === 'misspell' && !Array.isArray(parent)) {
          parent[`${String(key)}x`] = parent[key];
          delete parent[key];
        } else if (m.kind === 'replace') parent[key] = m.value;
        const text = stringify(data);
        const lines = text.split('\n').length;
        const { problems } = await checkData(new OverlaySource(base, new Map([[file, text]])), { asOf: '2026-01-01' });
        for (const p of problems) {
          expect(p.rule).toMatch(/^[a-z-]+$/);
          expect(p.message.length).toBeGreaterThan(10);
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          if (p.file === file) expect(p.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('money', () => {
  it('sums exactly, like integer cents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_00 }), { maxLength: 200 }), (cents) => {
        const total = sum(cents.map((c) => dec(c / 100)));
        const exact = cents.reduce((a, b) => a + BigInt(b), 0n);
        expect(toFixed(total, 2)).toBe(`${exact / 100n}.${String(exact % 100n).padStart(2, '0')}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('prorates a year of months, or a term of any length, back to the whole fee to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 1500 }),
        (cents, year, offset, length) => {
          const amount = cents / 100;
          const yearTerm = { from: `${year}-01-01`, to: `${year}-12-31` };
          const months = Array.from({ length: 12 }, (_, i) => addMonths(`${year}-01`, i));
          const byMonth = sum(
            months.map((m) => monthlyFigure({ amount, per: 'year', effective: yearTerm, term: yearTerm }, m)),
          );
          expect(toFixed(byMonth, 2)).toBe(toFixed(dec(amount), 2));
          const from = addDays('2020-01-01', offset);
          const term = { from, to: addDays(from, length) };
          const termMonths = Array.from({ length: Math.ceil(length / 28) + 2 }, (_, i) =>
            addMonths(from.slice(0, 7), i),
          );
          const byTerm = sum(termMonths.map((m) => monthlyFigure({ amount, per: 'term', effective: term, term }, m)));
          expect(toFixed(byTerm, 2)).toBe(toFixed(dec(amount), 2));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('aging buckets', () => {
  const invoice = fc.record({
    cents: fc.integer({ min: 1, max: 5_000_000 }),
    paidShare: fc.integer({ min: 0, max: 100 }),
    issuedAgo: fc.integer({ min: 0, max: 400 }),
    terms: fc.integer({ min: 0, max: 90 }),
  });

  it('partition the outstanding total', () => {
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 40 }), (specs) => {
        const asOf = '2026-06-30';
        const invoices: Invoice[] = specs.map((s, i) => {
          const issued = addDays(asOf, -s.issuedAgo);
          const paid = Math.floor((s.cents * s.paidShare) / 100);
          return {
            number: `N-${i}`,
            contract: 'c',
            issued,
            due: addDays(issued, s.terms),
            currency: 'USD',
            amount: s.cents / 100,
            status: paid === s.cents ? 'paid' : 'sent',
            payments: paid ? [{ date: issued, amount: paid / 100 }] : [],
          };
        });
        const partner = {
          id: 'p',
          notes: '',
          contracts: [],
          invoices: invoices.map((value, i) => ({ file: 'f', pointer: `/${i}`, value })),
          cloudCosts: [],
          usage: [],
          feedback: [],
          support: [],
          training: [],
        };
        const repo: Repository = {
          config: { ...CONFIG_DEFAULTS, organization: 'x', reporting_currency: 'USD' },
          partners: [partner],
          grants: [],
          recurringCosts: [],
          priceBooks: [],
          market: [],
          unattributedCloudCosts: [],
          cashStatements: [],
          paths: new Set(),
          brokenPaths: new Set(),
        };
        const r = receivables(figureContext(repo, asOf));
        expect(sum(BUCKETS.map((b) => r.buckets[b])).equals(r.outstanding)).toBe(true);
        const expected = sum(specs.map((s) => dec(s.cents - Math.floor((s.cents * s.paidShare) / 100)).dividedBy(100)));
        expect(r.outstanding.equals(expected)).toBe(true);
        for (const o of r.open) expect(o.daysPastDue).toBe(daysBetween(o.due, asOf));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('reports', () => {
  it('are byte-identical across two runs, whatever the date', async () => {
    const { repo } = await checkData(new FolderSource(join(FIXTURES, 'figures')), { asOf: '2026-03-15' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), (days) => {
        const asOf = addDays('2025-06-01', days);
        const meta = {
          organization: 'x',
          asOf,
          currency: 'USD',
          revision: 'r',
          sponsorFeePct: repo.config.fiscal_sponsor_fee_pct,
        };
        const render = () =>
          [...renderReports(computeFigures(repo, asOf), computeFigures(repo, addDays(asOf, -30)), meta)].join('\n');
        expect(render()).toBe(render());
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 6)) },
    );
  });
});

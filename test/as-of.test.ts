/**
 * Figures at a date D use only facts dated on or before D (issue "Trust",
 * item 6): each case below was wrong before (the later fact leaked into D),
 * and a property holds it for random data and dates.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { OverlaySource } from '../scripts/lib/edit/overlay-source.js';
import { factsAt, stageAt } from '../scripts/lib/figures/as-of.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { eventDates } from '../scripts/lib/model/events.js';
import { KINDS, type FileKind } from '../scripts/lib/model/kinds.js';
import type { Partner } from '../scripts/lib/model/records.js';
import type { Item, Repository } from '../scripts/lib/model/repository.js';
import { addDays } from '../scripts/lib/time/calendar.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { FIXTURES } from './helpers/fixtures.js';

const BASE = join(FIXTURES, 'base');

/** The base fixture with some files replaced, as records (the edits need not be valid: figures are pure). */
async function records(edits: Record<string, string> = {}, root = BASE): Promise<Repository> {
  const source = new OverlaySource(new FolderSource(root), new Map(Object.entries(edits)));
  return (await checkData(source, { asOf: '2026-01-01' })).repo;
}

const metrics = (repo: Repository, asOf: string) => metricsJson(computeFigures(repo, asOf));

const DELIVERABLES = [
  '- { id: report-1, kind: report, title: First report, due: 2025-12-31, owner: alice, status: done,',
  '    completed: 2025-12-20 }',
  '- { id: thing, kind: deliverable, title: A thing, due: 2026-06-30, owner: alice, status: done,',
  '    completed: 2026-07-10, evidence: https://example.org/thing }',
  '',
].join('\n');

describe('facts dated after the as-of date', () => {
  it("a partner's stage at D: none before its first milestone, the latest one reached's, its own after all", () => {
    // proposal_sent is dated before qualified: the latest milestone in the sequence reached by D tells the stage.
    const p = {
      stage: 'active',
      milestones: { first_contact: '2026-01-01', proposal_sent: '2026-02-01', qualified: '2026-03-01' },
    } as unknown as Partner;
    expect(stageAt(p, '2025-12-31')).toBeUndefined();
    expect(stageAt(p, '2026-01-01')).toBe('lead');
    expect(stageAt(p, '2026-02-15')).toBe('proposal');
    expect(stageAt(p, '2026-03-01')).toBe('active');
    expect(stageAt({ stage: 'lead' } as unknown as Partner, '2020-01-01')).toBe('lead');
  });

  it('a deliverable completed after D is overdue at D, and not in the on-time rate', async () => {
    const repo = await records({ 'grants/g1/deliverables.yaml': DELIVERABLES });
    // On 2026-07-05 'thing' (due 06-30) was not done: overdue. Done by then: report-1, on time → 1/1.
    expect(metrics(repo, '2026-07-05').deliverables).toEqual({ overdue: ['g1/thing'], due_soon: [], on_time_rate: 1 });
    // On 2026-07-10 it is done, late: nothing overdue, on time 1/2.
    expect(metrics(repo, '2026-07-10').deliverables).toEqual({ overdue: [], due_soon: [], on_time_rate: 0.5 });
  });

  it('an invoice whose payment comes after D is sent, not paid, and owed in full at D', async () => {
    const repo = await records({
      'partners/alpha/invoices.yaml':
        `- { number: A-1, contract: alpha-2025, issued: 2025-03-01, currency: ` +
        `USD, amount: 1000.00, status: paid, payments: [{ date: 2025-06-10, amount: 1000.00 }] }\n`,
    });
    const at = factsAt(repo, '2025-05-15');
    expect(at.partners[0].invoices[0].value).toEqual({
      number: 'A-1',
      contract: 'alpha-2025',
      issued: '2025-03-01',
      currency: 'USD',
      amount: 1000,
      status: 'sent',
      payments: [],
    });
    // The partner page shows it as it stood: nothing paid, 1,000.00 outstanding, sent.
    const figures = computeFigures(repo, '2025-05-15');
    const pages = new Map(
      renderReports(figures, computeFigures(repo, '2025-04-15'), {
        organization: 'Org',
        asOf: '2025-05-15',
        currency: 'USD',
        revision: 'r',
        sponsorFeePct: 0,
      }),
    );
    expect(pages.get('partners/alpha.md')).toContain(
      '| A-1 | 2025-03-01 | 2025-03-31 | 1,000.00 USD | 0.00 USD | 1,000.00 USD | sent |',
    );
    // Issued 03-01, due 03-31 (net 30): 45 days past due on 05-15 → 31-60.
    expect(metrics(repo, '2025-05-15').receivables).toEqual({
      outstanding: '1000.00',
      buckets: { current: '0.00', '1-30': '0.00', '31-60': '1000.00', '61-90': '0.00', '90+': '0.00' },
      overdue_invoices: ['A-1'],
    });
  });

  it('a contract signed after D is not in the MRR of D', async () => {
    const repo = await records({
      'partners/beta/contracts/beta-draft.yaml':
        `id: beta-draft\npartner: beta\nkind: mou\nstatus: ` +
        `active\nsigned: 2025-06-15\nstart: 2025-06-01\nend: 2026-05-31\ncurrency: CAD\nfees: [{ id: fee, ` +
        `description: Annual fee, amount: 12000, per: year }]\ncloud: { billing: partner-pays }\nbilling: { ` +
        `every: year, in: advance }\n`,
    });
    // June 2025 on 06-10: only alpha's 1000/month (its cloud bill of June is not recorded).
    expect(metrics(repo, '2025-06-10').mrr).toBe('1000.00');
    // On 06-15 beta has signed: + 12000 / 12 × 0.75 = 750.
    expect(metrics(repo, '2025-06-15').mrr).toBe('1750.00');
  });

  it('a termination dated after D does not cut the projection made at D', async () => {
    const contract =
      `id: alpha-2025\npartner: alpha\nkind: service-agreement\nstatus: terminated\nsigned: ` +
      `2025-02-01\nstart: 2025-03-01\nend: 2027-02-28\nterminated: 2026-03-31\ncurrency: USD\nfees: [{ id: ` +
      `hosting, description: Hub hosting, amount: 1000, per: month }]\ncloud: { billing: pass-through, ` +
      `markup_pct: 10 }\nbilling: { every: month, in: advance }\nhubs: [alpha-hub]\n`;
    const repo = await records({ 'partners/alpha/contracts/alpha-2025.yaml': contract });
    // Made on 2026-01-15, the projection's April 2026 still has alpha's 1000; made on 2026-04-01, none.
    expect(
      metrics(repo, '2026-01-15').projection.find((p: { month: string }) => p.month === '2026-04')?.committed,
    ).toBe('1000.00');
    expect(
      metrics(repo, '2026-04-01').projection.find((p: { month: string }) => p.month === '2026-05')?.committed,
    ).toBe('0.00');
  });

  it('a partner whose contract was signed after D is not onboarding at D', async () => {
    const repo = await records({
      'partners/beta/partner.md':
        `---\nid: beta\nname: Beta Institute\ntype: nonprofit\ncountry: ` +
        `CA\naccount_owner: bob\nstage: onboarding\nmilestones:\n  first_contact: 2025-05-01\n  ` +
        `proposal_sent: 2025-06-01\n  contract_signed: 2025-07-01\n---\n`,
    });
    // On 06-15 beta had sent a proposal: in the pipeline, not onboarding.
    const m = metrics(repo, '2025-06-15');
    expect(m.onboarding.partners).toEqual([]);
    expect(m.pipeline.deals.map((d: { partner: string; stage: string }) => [d.partner, d.stage])).toEqual([
      ['beta', 'proposal'],
    ]);
    // On 07-01 it is onboarding, day 0.
    expect(metrics(repo, '2025-07-01').onboarding.partners).toEqual([{ id: 'beta', progress: 0, days_in_stage: 0 }]);
  });

  it('a grant awarded after D is still a prospect at D', async () => {
    const repo = await records();
    expect(metrics(repo, '2025-01-10').pipeline.grants).toEqual([
      { grant: 'g1', status: 'submitted', amount: '100000.00' },
    ]);
    expect(metrics(repo, '2025-01-15').pipeline.grants).toEqual([]);
  });
});

/** The repository with every event date after `after` moved `days` later. */
function shifted(repo: Repository, after: string, days: number): Repository {
  const move = <T>(kind: FileKind, item: Item<T>): Item<T> => {
    const value = structuredClone(item.value) as Record<string, unknown>;
    for (const { path, date } of eventDates(kind, value)) {
      if (date <= after) continue;
      let node = value as Record<string | number, unknown>;
      for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
      node[path[path.length - 1]] = addDays(date, days);
    }
    return { ...item, value: value as T };
  };
  const moveAll = (holder: Record<string, unknown>, owner: 'root' | 'partner' | 'grant') => {
    const out = { ...holder };
    for (const [kind, spec] of Object.entries(KINDS)) {
      if (spec.owner !== owner || !(spec.field in holder)) continue;
      const held = holder[spec.field] as Item<unknown> | Item<unknown>[] | undefined;
      const one = (i: Item<unknown>) =>
        spec.holds === 'list' ? move(kind as FileKind, { ...i }) : move(kind as FileKind, i);
      out[spec.field] = Array.isArray(held) ? held.map(one) : held && one(held);
    }
    return out;
  };
  return {
    ...(moveAll(repo, 'root') as unknown as Repository),
    partners: repo.partners.map(
      (p) => moveAll(p as unknown as Record<string, unknown>, 'partner') as unknown as Repository['partners'][number],
    ),
    grants: repo.grants.map(
      (g) => moveAll(g as unknown as Record<string, unknown>, 'grant') as unknown as Repository['grants'][number],
    ),
  };
}

describe('the property', () => {
  it('moving facts dated after D further into the future never changes a figure at D', async () => {
    const repos = [await records(), await records({}, join(FIXTURES, 'figures'))];
    const start = '2024-10-01';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 400 }),
        (which, offset, days) => {
          const repo = repos[which];
          const asOf = addDays(start, offset);
          expect(metrics(shifted(repo, asOf, days), asOf)).toEqual(metrics(repo, asOf));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });
});

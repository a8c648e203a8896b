/**
 * Support requests, CSAT and training (SPEC-2 B) on test/fixtures/support (the base fixture with alpha's
 * support.yaml, feedback.yaml and training.yaml), worked by hand in the files' comments and below.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import type { Repository } from '../scripts/lib/model/repository.js';
import { metricsJson } from '../scripts/lib/write/metrics-json.js';
import { FIXTURES, fixtureCopy, replaceIn } from './helpers/fixtures.js';

/** The base fixture with the support files laid over it, and alpha's contract buying 2 support hours a month. */
async function data(asOf = '2026-03-01'): Promise<{ repo: Repository; root: string }> {
  const root = fixtureCopy('base', join(FIXTURES, 'support'));
  replaceIn(
    root,
    'partners/alpha/contracts/alpha-2025.yaml',
    'hubs: [alpha-hub]',
    'hubs: [alpha-hub]\nsupport_hours: { amount: 2, per: month }',
  );
  const { repo, problems } = await checkData(new FolderSource(root), { asOf });
  expect(problems).toEqual([]);
  return { repo, root };
}

const metrics = (repo: Repository, asOf: string) => metricsJson(computeFigures(repo, asOf));

describe('support figures', () => {
  it('count the 90 days ending D, the working-day deadline, medians, open requests and hours', async () => {
    const { repo } = await data();
    // Window 2025-03-06 .. 2025-06-03: sr-001..sr-006 (6). Due: sr-001..004 (acknowledged) and sr-006 (deadline
    // 2025-05-21T08:00Z); sr-005's deadline is after D. On time: sr-001 (Mon 15:00:00 = deadline), sr-003 (Sat ->
    // Tue 00:00; Mon 23:59), sr-004 (Thu 1 May 12:00; 11:00) = 3 of 5 = 60.0 %. Hours to acknowledge: 72,
    // 72.0003, 61.9833, 23 -> median (61.9833 + 72) / 2 = 66.99 -> 67.0. Days to resolve: 3.5, 2.5826, 2.0 ->
    // 2.6. Open over 7 days: sr-006 (14 days). Hours in the contract year 2025-03-01 .. 2026-02-28 opened by D:
    // sr-001 1.25 + sr-004 0.5 + sr-006 3 + sr-008 1.5 = 6.25 of 12 × 2 = 24 (sr-007 is the day before).
    expect(metrics(repo, '2025-06-03').support).toEqual({
      opened: 6,
      acknowledged_on_time_pct: 60,
      median_hours_to_acknowledge: 67,
      median_days_to_resolve: 2.6,
      open_over_7_days: ['alpha/sr-006'],
      hours: [{ contract: 'alpha-2025', used: 6.25, budget: 24 }],
    });
  });

  it('counts a request against the team only once its deadline has passed or it is acknowledged', async () => {
    const { repo } = await data();
    // At D = 2025-06-02 sr-003's deadline (Tue 00:00) is after D but it is acknowledged (23:59 on D), so it
    // counts: sr-001, sr-002 (one second late), sr-003, sr-004, sr-006 are due; on time 3 of 5.
    expect(metrics(repo, '2025-06-02').support.acknowledged_on_time_pct).toBe(60);
    // At D = 2025-06-01 (Sunday) nothing of Friday is acknowledged yet and its deadline (Mon 15:00) is after D:
    // due are sr-004 (on time) and sr-006 (late): 50.0 %.
    expect(metrics(repo, '2025-06-01').support.acknowledged_on_time_pct).toBe(50);
  });

  it('count support hours in the contract year containing D, the anniversary starting a new year', async () => {
    const { repo } = await data();
    // D = 2026-02-28: year 2025-03-01 .. 2026-02-28: 1.25 + 0.5 + 3 + 1.5 + 2 (sr-009) = 8.25.
    expect(metrics(repo, '2026-02-28').support.hours).toEqual([{ contract: 'alpha-2025', used: 8.25, budget: 24 }]);
    // D = 2026-03-01: year 2026-03-01 .. 2027-02-28: sr-010 opened on the anniversary, 4.
    expect(metrics(repo, '2026-03-01').support.hours).toEqual([{ contract: 'alpha-2025', used: 4, budget: 24 }]);
  });
});

describe('CSAT and NPS', () => {
  it('CSAT% rounds half up per survey, support CSAT by month of resolution, NPS keeps only NPS responses', async () => {
    const { repo } = await data();
    const m = metrics(repo, '2025-06-03');
    expect(m.csat).toEqual([
      { survey: '2025-codesign', score: 63, responses: 8 }, // 5 of 8 = 62.5 -> 63
      { survey: '2025-q2-update', score: 67, responses: 3 }, // 2 of 3 = 66.67 -> 67
      { survey: '2025-release', score: 13, responses: 8 }, // 1 of 8 = 12.5 -> 13
      { survey: 'support-2025-05', score: 0, responses: 1 }, // sr-004 resolved 2 May, rated 2
      { survey: 'support-2025-06', score: 100, responses: 2 }, // sr-001 (4) and sr-003 (5), resolved in June
    ]);
    expect(m.nps).toEqual([{ survey: '2025-q1', score: 100, responses: 1 }]);
    // At D = 2025-06-02 sr-001 is not resolved yet, so its rating is not known: June has sr-003 alone.
    expect(metrics(repo, '2025-06-02').csat.at(-1)).toEqual({ survey: 'support-2025-06', score: 100, responses: 1 });
  });
});

describe('engagement signals from support and CSAT', () => {
  it('stale-request and the CSAT half of low-satisfaction', async () => {
    const { repo } = await data();
    const reasons = (asOf: string) => metrics(repo, asOf).health.find((h) => h.partner === 'alpha')!.reasons;
    // 2025-05-25: the latest CSAT answer is the co-design round of 2025-05-20, whose lowest is 1 (≤ 2): low.
    // sr-006 (high, opened 2025-05-20) is 5 days old: not stale yet.
    expect(reasons('2025-05-25')).toEqual(['low-satisfaction']);
    // 2025-05-29: sr-006 is 9 days old, still open: stale as well.
    expect(reasons('2025-05-29')).toEqual(['low-satisfaction', 'stale-request']);
    // 2025-06-03: sr-001 was resolved that day and rated 4, now the latest CSAT answer: satisfied again.
    expect(reasons('2025-06-03')).toEqual(['stale-request']);
  });
});

describe('training', () => {
  it('counts sessions after the same day a year before D, to D; lists active partners with none', async () => {
    const { repo } = await data();
    // 2024-06-03 is exactly a year before D: outside. 2024-06-04 (6) and 2025-06-03 (18) inside; 2025-06-04 after D.
    const m = metrics(repo, '2025-06-03');
    expect(m.training).toEqual([{ partner: 'alpha', sessions: 2, attendees: 24 }]);
    expect(m.untrained_partners).toEqual([]);
    // A year and a week later the last session (2025-06-04) is outside: alpha, active, has had none.
    expect(metrics(repo, '2026-06-10').untrained_partners).toEqual(['alpha']);
  });
});

describe('bad input is located', () => {
  const problemsOf = async (path: string, text: string) => {
    const root = fixtureCopy('base', join(FIXTURES, 'support'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, path), text);
    const { problems } = await checkData(new FolderSource(root), { asOf: '2026-03-01' });
    return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`);
  };

  it('a time-zone offset other than Z, and a bare date', async () => {
    expect(
      await problemsOf(
        'partners/alpha/support.yaml',
        '- { id: sr-1, opened: 2025-05-30T17:00:00+02:00, priority: low }\n' +
          '- { id: sr-2, opened: 2025-05-30, priority: low }\n',
      ),
    ).toEqual([
      "partners/alpha/support.yaml:1:23 error value-format '2025-05-30T17:00:00+02:00' has a time-zone offset; " +
        "write 'opened' in UTC with Z, e.g. 2026-05-02T13:00:00Z (15:00 at +02:00 is 13:00Z).",
      "partners/alpha/support.yaml:2:23 error value-format '2025-05-30' is not a UTC date and time for 'opened'; " +
        'write YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-05-02T13:00:00Z.',
    ]);
  });

  it('acknowledged before opened, resolved before acknowledged', async () => {
    expect(
      await problemsOf(
        'partners/alpha/support.yaml',
        '- { id: sr-1, opened: 2025-05-30T15:00:00Z, acknowledged: 2025-05-30T14:00:00Z, priority: low }\n' +
          '- id: sr-2\n  opened: 2025-05-30T15:00:00Z\n  acknowledged: 2025-05-30T16:00:00Z\n' +
          '  resolved: 2025-05-30T15:30:00Z\n  priority: low\n',
      ),
    ).toEqual([
      'partners/alpha/support.yaml:1:59 error date-order the request is acknowledged (2025-05-30T14:00:00Z) ' +
        'before it was opened (2025-05-30T15:00:00Z); times are UTC: check the day, the hour and the conversion ' +
        'from local time',
      'partners/alpha/support.yaml:5:13 error date-order the request is resolved (2025-05-30T15:30:00Z) ' +
        'before it was acknowledged (2025-05-30T16:00:00Z); times are UTC: check the day, the hour and the ' +
        'conversion from local time',
    ]);
  });

  it('a CSAT score of 0 or 6, in feedback and on a request', async () => {
    const feedback = await problemsOf(
      'partners/alpha/feedback.yaml',
      '- { survey: s, date: 2025-05-01, kind: csat, score: 0 }\n' +
        '- { survey: s, date: 2025-05-01, kind: csat, score: 6 }\n' +
        '- { survey: s, date: 2025-05-01, score: 6 }\n',
    );
    expect(feedback.map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      'partners/alpha/feedback.yaml:1:53 error value-range',
      'partners/alpha/feedback.yaml:2:53 error value-range',
    ]);
    expect(feedback[0]).toContain("'score' is 0 but must be at least 1");
    expect(feedback[1]).toContain("'score' is 6 but must be at most 5");
    const request = await problemsOf(
      'partners/alpha/support.yaml',
      '- { id: sr-1, opened: 2025-05-30T15:00:00Z, priority: low, csat: 6 }\n',
    );
    expect(request).toHaveLength(1);
    expect(request[0]).toMatch(
      /^partners\/alpha\/support.yaml:1:66 error value-range 'csat' is 6 but must be at most 5/,
    );
  });

  it('a requester who is not a contact is a warning', async () => {
    expect(
      await problemsOf(
        'partners/alpha/support.yaml',
        '- { id: sr-1, opened: 2025-05-30T15:00:00Z, priority: low, requester: Bo Chan }\n',
      ),
    ).toEqual([
      "partners/alpha/support.yaml:1:71 warning support-requester 'Bo Chan' is not one of the contacts of 'alpha'; " +
        'write the name as it is under contacts in partner.md (Ada Lee), or add them as a contact',
    ]);
  });
});

/**
 * A report at --rev of an old commit gives that day's runway (SPEC-3 S, issue 28's acceptance), in a real git
 * repository built from test/fixtures/base. Worked out by hand, as of 2026-01-15 (M = 2026-01; no sponsor fee):
 *
 * Costs: staff 5000.00 a month. Committed: alpha-2025, to 2027-02 (the 13 months 2026-02..2027-02).
 *
 *   commit 1 (2026-01-05): cash 30000 on 2025-12-31; alpha 1000 a month. Net −4000 a month:
 *     30000 − 4000 × 7 = 2000 after 2026-08; −2000 in 2026-09: 7 months, cash runs out in 2026-09 (yellow, ≥ 6).
 *     Green needs 12 months: the lowest of the first 12 balances is 30000 − 4000 × 12 = −18000.
 *   commit 2 (2026-02-10): a statement of 60000 on 2026-01-10 (before D, so not a fact taken back) and alpha
 *     raised to 3000 a month. Net −2000 to 2027-02, then −5000: 60000 − 2000 × 13 − 5000 × 5 = 9000 after all
 *     18 months: still solvent (green). Over needs 24 months: 9000 − 5000 × 6 = −21000.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsJson } from '../scripts/lib/write/metrics-json.js';
import { runCli } from './helpers/cli.js';
import { fixtureCopy, replaceIn, tempDir } from './helpers/fixtures.js';
import { git } from './helpers/git-history.js';

const D = '2026-01-15';
let dir: string;
const commits: string[] = [];

function commit(message: string, date: string): string {
  const when = `${date}T12:00:00Z`;
  const who = { name: 'Alice Admin', email: 'alice@example.org' };
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: when,
  });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

beforeAll(() => {
  dir = fixtureCopy('base');
  git(dir, ['init', '-q', '-b', 'main']);
  mkdirSync(join(dir, 'finance'));
  writeFileSync(join(dir, 'finance/cash.yaml'), '# Bank statements\n- { date: 2025-12-31, amount: 30000 }\n');
  commits.push(commit('Add the data and the year-end bank statement', '2026-01-05'));

  writeFileSync(
    join(dir, 'finance/cash.yaml'),
    '# Bank statements\n- { date: 2025-12-31, amount: 30000 }\n- { date: 2026-01-10, amount: 60000 }\n',
  );
  replaceIn(dir, 'partners/alpha/contracts/alpha-2025.yaml', 'amount: 1000, per: month', 'amount: 3000, per: month');
  commits.push(commit('A grant came in; raise the alpha hosting fee', '2026-02-10'));
});

async function metricsAt(rev: string): Promise<MetricsJson> {
  const r = await runCli('metrics', ['--root', dir, '--rev', rev, '--as-of', D]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as MetricsJson;
}

describe('runway at a revision', () => {
  it('metrics --rev of the old commit gives that day’s runway, not the later data’s', async () => {
    const old = await metricsAt(commits[0]);
    expect(old.cash).toEqual({ date: '2025-12-31', amount: '30000.00' });
    expect(old.runway).toEqual({
      months: 7,
      runs_out: '2026-09',
      status: 'yellow',
      target: {
        status: 'green',
        needs: '18000.00',
        sentence: 'needs 18,000.00 more cash on hand to reach green (12 months)',
      },
    });
    // 1000 ÷ 5000 = 0.2 a month; the gap 1000 − 5000.
    expect(old.surplus.ratio).toBe('0.2000');
    expect(old.surplus.gap).toBe('-4000.00');

    const now = await metricsAt(commits[1]);
    expect(now.cash).toEqual({ date: '2026-01-10', amount: '60000.00' });
    expect(now.runway).toEqual({
      months: 18,
      runs_out: null,
      status: 'green',
      target: {
        status: 'over',
        needs: '21000.00',
        sentence: 'needs 21,000.00 more cash on hand to reach over target (24 months)',
      },
    });
    expect(now.surplus.ratio).toBe('0.6000');
    expect(now.surplus.gap).toBe('-2000.00');
  });

  it('report --rev of the old commit writes that day’s runway.md', async () => {
    const out = tempDir();
    const r = await runCli('report', ['--root', dir, '--rev', commits[0], '--as-of', D, '--out', out]);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(out, 'runway.md'), 'utf8')).toContain('7 months: cash runs out in 2026-09');
  });
});

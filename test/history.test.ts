/** Git-backed features on a scripted history (see helpers/git-history.ts). */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_HISTORY, readHistory } from '../scripts/lib/load/history.js';
import { dataRevision } from '../scripts/lib/load/revision.js';
import type { DiffJson } from '../scripts/lib/write/diff-json.js';
import type { MetricsJson } from '../scripts/lib/write/metrics-json.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/fixtures.js';
import { git, scriptedHistory, type ScriptedHistory } from './helpers/git-history.js';

let h: ScriptedHistory;
const short = (i: number) => h.commits[i].slice(0, 7);

beforeAll(() => {
  h = scriptedHistory();
});

async function metricsAt(rev: string, asOf: string) {
  const r = await runCli('metrics', ['--root', h.dir, '--rev', rev, '--as-of', asOf]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as MetricsJson;
}

describe('figures at each revision', () => {
  it('follow the history, read straight from git', async () => {
    // As of 2026-03-15 (March): alpha's fee is 1000 until commit 3, then 1200.
    const march = await Promise.all([0, 1, 2].map((i) => metricsAt(h.commits[i], '2026-03-15')));
    expect(march.map((m) => m.mrr)).toEqual(['1000.00', '1000.00', '1200.00']);
    // As of 2026-05-15: terminated on 04-30 from commit 4; A-2's 600 is outstanding until commit 5.
    const may = await Promise.all([2, 3, 4].map((i) => metricsAt(h.commits[i], '2026-05-15')));
    expect(may.map((m) => m.mrr)).toEqual(['1200.00', '0.00', '0.00']);
    expect(may.map((m) => m.receivables.outstanding)).toEqual(['600.00', '600.00', '0.00']);
  });

  it('locates problems as the file was at that revision', async () => {
    writeFileSync(join(h.dir, 'partners/alpha/contracts/alpha-2025.yaml'), 'id: [broken\n');
    const r = await runCli('validate', [
      '--root',
      h.dir,
      '--rev',
      h.commits[2],
      '--format',
      'json',
      '--as-of',
      '2026-03-15',
    ]);
    expect((JSON.parse(r.stdout) as { errors: number }).errors).toBe(0);
    git(h.dir, ['checkout', '--', '.']);
  });

  it('refuses a revision that does not exist, with exit 2', async () => {
    const r = await runCli('metrics', ['--root', h.dir, '--rev', 'no-such-tag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: 'no-such-tag' is not a revision of the git repository at ${h.dir}\n`);
  });
});

describe('npm run diff', () => {
  it('shows the figure deltas and the changed field', async () => {
    const r = await runCli('diff', [
      '--root',
      h.dir,
      '--base',
      h.commits[1],
      '--head',
      h.commits[2],
      '--as-of',
      '2026-03-15',
    ]);
    expect(r.code).toBe(0);
    // MRR 1000 → 1200; MRC is staff 5000 → ratio 5.0000 → 4.1667
    expect(r.stdout).toBe(
      [
        `### Figures as of 2026-03-15: \`${short(1)}\` → \`${short(2)}\``,
        '',
        '| figure (USD) | before | after | change |',
        '|---|---:|---:|---:|',
        '| Monthly recurring revenue (MRR) | 1,000.00 | 1,200.00 | **+200.00** |',
        '| Cost recovery ratio (MRC ÷ MRR), lower is better: below 1, recurring revenue covers recurring ' +
          'costs | 5.00 (costs are 500 % of revenue) | 4.17 (costs are 417 % of revenue) | **-0.83, better** |',
        // The committed part of the forecast: alpha's fee for April to September, 6 × 1000 → 6 × 1200.
        '| Forecast monthly recurring revenue, next 6 months together | 6,000.00 | 7,200.00 | **+1,200.00** |',
        '',
        'Unchanged: MRC, receivables, overdue receivables, fees not yet invoiced, renewals, overdue deliverables, ' +
          'NPS, declining usage, lead qualification ratio, renewal rate, stale partner records.',
        '',
        '### Records: 0 added, 0 removed, 1 changed',
        '',
        '- changed `partners/alpha/contracts/alpha-2025.yaml`: fees\\[0\\].amount 1000 → 1200',
        '',
      ].join('\n'),
    );
  });

  it('lists added records and list-file records by their key', async () => {
    const r = await runCli('diff', [
      '--root',
      h.dir,
      '--base',
      h.commits[0],
      '--head',
      h.commits[4],
      '--as-of',
      '2026-05-15',
      '--format',
      'json',
    ]);
    const d = JSON.parse(r.stdout) as DiffJson;
    expect(d.records).toEqual([
      {
        file: 'partners/alpha/contracts/alpha-2025.yaml',
        record: '',
        change: 'changed',
        fields: [
          { path: 'status', from: 'active', to: 'terminated' },
          { path: 'fees[0].amount', from: 1000, to: 1200 },
          { path: 'terminated', to: '2026-04-30' },
        ],
      },
      {
        file: 'partners/alpha/invoices.yaml',
        record: 'A-2',
        change: 'changed',
        fields: [
          { path: 'status', from: 'sent', to: 'paid' },
          { path: 'payments[1]', to: { date: '2026-05-01', amount: 600 } },
        ],
      },
      { file: 'partners/gamma/partner.md', record: '', change: 'added', fields: [] },
    ]);
    // Receivables: A-2's 600 was outstanding at 2026-05-15 in the base, paid in the head.
    expect(d.figures.find((f: { key: string }) => f.key === 'receivables')).toEqual({
      key: 'receivables',
      base: '600.00',
      head: '0.00',
      change: '-600.00',
    });
  });

  it('folds a long record list under <details>', async () => {
    // 20 usage entries for 20 different months: 20 added records.
    git(h.dir, ['checkout', '-q', '-b', 'many']);
    const months = Array.from(
      { length: 20 },
      (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    writeFileSync(
      join(h.dir, 'partners/alpha/usage.yaml'),
      months.map((m, i) => `- { month: ${m}, hub: alpha-hub, active_users: ${i} }\n`).join(''),
    );
    git(h.dir, ['commit', '-qam', 'Import usage'], {
      GIT_AUTHOR_NAME: 'x',
      GIT_AUTHOR_EMAIL: 'x@example.org',
      GIT_COMMITTER_NAME: 'x',
      GIT_COMMITTER_EMAIL: 'x@example.org',
    });
    const r = await runCli('diff', [
      '--root',
      h.dir,
      '--base',
      h.commits[4],
      '--head',
      'many',
      '--as-of',
      '2026-05-15',
    ]);
    git(h.dir, ['checkout', '-q', 'main']);
    expect(r.stdout).toContain(
      '### Records: 19 added, 0 removed, 1 changed\n\n<details><summary>Show the 20 record changes</summary>\n',
    );
  });
});

describe('history figures', () => {
  it('finds stale partners from one git log pass', async () => {
    // As of 2026-09-15, 180 days back is 2026-03-19: beta (2026-01-05) and gamma (2026-02-10) are stale;
    // alpha changed 2026-05-02.
    const m = await metricsAt(h.commits[4], '2026-09-15');
    expect(m.history.stale_partners).toEqual(['beta', 'gamma']);
    expect(m.history.last_updated).toEqual([
      { id: 'alpha', date: '2026-05-02', by: 'Bob Books', commit: short(4) },
      { id: 'beta', date: '2026-01-05', by: 'Alice Admin', commit: short(0) },
      { id: 'gamma', date: '2026-02-10', by: 'Bob Books', commit: short(1) },
    ]);
  });

  it('writes changes.md: the last 30 days by partner, who and which commit', async () => {
    const out = tempDir();
    const r = await runCli('report', ['--root', h.dir, '--rev', h.commits[4], '--as-of', '2026-05-15', '--out', out]);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(out, 'changes.md'), 'utf8')).toBe(
      [
        '# Changes in the last 30 days',
        '',
        `_Fixture Org · as of **2026-05-15** · built from data revision ${short(4)} (2026-05-02) · amounts ` +
          `without a currency are in USD. Generated by \`npm run report\`; do not edit. How each figure is defined: ` +
          `[docs/figures.md](../docs/figures.md)._`,
        '',
        '[← Dashboard](README.md)',
        '',
        'Every commit that changed a data file in the 30 days up to the as-of date, newest first.',
        '',
        '## Partner [Alpha University](partners/alpha.md)',
        '',
        '| date | commit | by | message | files |',
        '|---|---|---|---|---|',
        `| 2026-05-02 | \`${short(4)}\` | Bob Books | Record the rest of A-2 | ` +
          `\`partners/alpha/invoices.yaml\` changed |`,
        `| 2026-04-20 | \`${short(3)}\` | Carol Contracts | Terminate alpha-2025 | ` +
          `\`partners/alpha/contracts/alpha-2025.yaml\` changed |`,
        '',
      ].join('\n'),
    );
  });

  it('reproduces a past report exactly from the revision and the date', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await runCli('report', ['--root', h.dir, '--rev', h.commits[2], '--as-of', '2026-03-31', '--out', a]);
    await runCli('report', ['--root', h.dir, '--rev', h.commits[2], '--as-of', '2026-03-31', '--out', b]);
    const read = (d: string) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join(d, f), 'utf8'));
    expect(read(a)).toEqual(read(b));
    // alpha-hub's bills stop after March 2025: the dashboard leads with March 2025 (this revision's fee 1,200.00 +
    // the bill 200.00 × 1.1), and March 2026 so far beside it.
    expect(readFileSync(join(a, 'README.md'), 'utf8')).toContain(
      '| Monthly recurring revenue (MRR) | 1,420.00 | +1,420.00 | 1,200.00, incomplete |',
    );
  });
});

describe('reading a revision', () => {
  it('never changes the working tree or the index', async () => {
    writeFileSync(
      join(h.dir, 'partners/beta/partner.md'),
      readFileSync(join(h.dir, 'partners/beta/partner.md'), 'utf8') + '\nAn uncommitted note.\n',
    );
    const snapshot = () => ({
      // Without optional locks: a plain `git status` may itself rewrite the index to refresh it.
      status: git(h.dir, ['--no-optional-locks', 'status', '--porcelain']),
      index: createHash('sha256')
        .update(readFileSync(join(h.dir, '.git/index')))
        .digest('hex'),
      indexTime: statSync(join(h.dir, '.git/index')).mtimeMs,
      head: git(h.dir, ['rev-parse', 'HEAD']),
      files: git(h.dir, ['ls-files', '-s']),
      note: readFileSync(join(h.dir, 'partners/beta/partner.md'), 'utf8'),
    });
    try {
      const before = snapshot();
      await runCli('validate', ['--root', h.dir, '--rev', h.commits[0]]);
      await runCli('metrics', ['--root', h.dir, '--rev', h.commits[1], '--as-of', '2026-03-01']);
      await runCli('report', ['--root', h.dir, '--rev', h.commits[2], '--as-of', '2026-03-01', '--out', tempDir()]);
      await runCli('diff', ['--root', h.dir, '--base', h.commits[0], '--head', h.commits[4]]);
      expect(snapshot()).toEqual(before);
      expect(before.status).toBe(' M partners/beta/partner.md\n');
    } finally {
      // The next tests read this repository as committed.
      git(h.dir, ['checkout', '--', '.']);
    }
  });
});

describe('the data revision a report names', () => {
  it('is the last commit that changed a data file, with uncommitted changes said', async () => {
    // Commit 5 (2026-05-02) is the last one; a commit that changes no data file does not count.
    writeFileSync(join(h.dir, 'NOTES.txt'), 'code, not data\n');
    git(h.dir, ['add', 'NOTES.txt']);
    git(h.dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'Notes only']);
    expect(await dataRevision(h.dir)).toBe(`${short(4)} (2026-05-02)`);
    writeFileSync(join(h.dir, 'NOTES.txt'), 'changed, still not data\n');
    expect(await dataRevision(h.dir)).toBe(`${short(4)} (2026-05-02)`);
    writeFileSync(join(h.dir, 'partners/beta/partner.md'), 'edited\n');
    expect(await dataRevision(h.dir)).toBe(`${short(4)} (2026-05-02) + uncommitted changes`);
    // At a revision, the working tree is not what was read.
    expect(await dataRevision(h.dir, h.commits[2])).toBe(`${short(2)} (2026-03-03)`);
    git(h.dir, ['checkout', '--', '.']);
    git(h.dir, ['reset', '-q', '--hard', h.commits[4]]);
  });

  it('reads a data folder inside a larger repository, and says when there is no repository', async () => {
    const repo = tempDir();
    git(repo, ['init', '-q', '-b', 'main']);
    mkdirSync(join(repo, 'ops'));
    cpSync(join(h.dir, 'partners'), join(repo, 'ops/partners'), { recursive: true });
    writeFileSync(join(repo, 'README.md'), 'x\n');
    git(repo, ['add', '-A']);
    git(repo, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'data'], {
      GIT_COMMITTER_DATE: '2026-06-01T12:00:00Z',
    });
    const hash = git(repo, ['rev-parse', '--short=7', 'HEAD']).trim();
    expect(await dataRevision(join(repo, 'ops'))).toBe(`${hash} (2026-06-01)`);
    writeFileSync(join(repo, 'README.md'), 'outside the data\n');
    expect(await dataRevision(join(repo, 'ops'))).toBe(`${hash} (2026-06-01)`);
    expect(await dataRevision(tempDir())).toBe('a folder not under version control');
  });

  it('tells no repository from a repository with nothing committed yet', async () => {
    expect(await readHistory(tempDir())).toEqual(NO_HISTORY);
    const empty = tempDir();
    git(empty, ['init', '-q', '-b', 'main']);
    // A repository: the history figures are shown, with nothing in them.
    expect(await readHistory(empty)).toEqual({ available: true, changes: [] });
    expect(await dataRevision(empty)).toBe('unknown (git could not be read)');
    // Committed, but no data file: the history is empty and the revision says so.
    writeFileSync(join(empty, 'README.md'), 'x\n');
    git(empty, ['add', '-A']);
    git(empty, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'readme']);
    expect(await readHistory(empty)).toEqual({ available: true, changes: [] });
    expect(await dataRevision(empty)).toBe('no commit yet');
  });
});

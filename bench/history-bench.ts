/**
 * History figures on a long history: a repository of 1,000 commits touching
 * 500 partner files, built with one `git fast-import`, then timed: one
 * `git log` pass and the figures over it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partnerActivity, recentChanges } from '../scripts/lib/figures/history.js';
import { readHistory } from '../scripts/lib/load/history.js';

export async function historyBench(
  commits = 1000,
  files = 500,
): Promise<{ commits: number; files: number; changes: number; ms: number; gitLogRuns: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-history-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const lines: string[] = [];
  for (let c = 0; c < commits; c++) {
    const day = new Date(Date.UTC(2024, 0, 1) + c * 86_400_000);
    const when = Math.floor(day.getTime() / 1000);
    const msg = `change ${c}`;
    lines.push(
      'commit refs/heads/main',
      `author Person ${c % 7} <p${c % 7}@example.org> ${when} +0000`,
      `committer Person ${c % 7} <p${c % 7}@example.org> ${when} +0000`,
      `data ${msg.length}`,
      msg,
    );
    // Each commit touches three of the 500 files.
    for (let k = 0; k < 3; k++) {
      const f = (c * 7 + k * 131) % files;
      const body = `- { survey: s${c}, date: 2024-01-01, score: ${(c + k) % 11} }\n`;
      lines.push(
        `M 100644 inline partners/p${String(f).padStart(4, '0')}/feedback.yaml`,
        `data ${Buffer.byteLength(body)}`,
        body,
      );
    }
    lines.push('');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: lines.join('\n') });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  // git's own trace records every git process started: count the `git log` runs rather than assume one.
  const trace = join(dir, 'trace2.json');
  process.env.GIT_TRACE2_EVENT = trace;
  const started = performance.now();
  const history = await readHistory(dir);
  const activity = partnerActivity(history, '2027-01-01');
  recentChanges(history, '2026-10-01');
  const ms = performance.now() - started;
  delete process.env.GIT_TRACE2_EVENT;
  if (activity.size !== files) throw new Error(`expected ${files} partners, found ${activity.size}`);
  const gitLogRuns = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event":"cmd_name"') && line.includes('"name":"log"')).length;
  return { commits, files, changes: history.changes.length, ms, gitLogRuns };
}

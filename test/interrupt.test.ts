/**
 * Ctrl-C on `npm run report` cleans up (docs/guide.md). The command is run as
 * npm runs it, package.json's script line through `sh -c` (with exec, so that
 * its exit code is the report's: npm itself waits for it and passes the
 * signal on), in a process group of its own that gets the signal as a
 * terminal's Ctrl-C sends it, to every process of the group. (The tsx command, which package.json once used, sent
 * the report SIGKILL when it did not answer the signal within 60 ms, which it
 * cannot while rendering: the staging folder and the lock stayed behind.)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { runCli } from './helpers/cli.js';
import { readTree, REPO_ROOT, tempDir } from './helpers/fixtures.js';

const SCRIPTS = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
/** Long enough for the slowest machine to start the report and reach its lock. */
const START_TIMEOUT_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Ctrl-C on npm run report', () => {
  // 400 synthetic partners, so that the report is still rendering for a good while after it takes its lock (on
  // the sample data it could finish before the signal got through, and rightly exit 0), and the set of an earlier
  // as-of date in the folder: the interrupted run must leave that set as it was.
  const root = tempDir();
  generate({ partners: 400, seed: 1, out: root });
  const earlier = join(tempDir(), 'reports');
  beforeAll(async () => {
    expect((await runCli('report', ['--root', root, '--as-of', '2026-11-20', '--out', earlier])).code).toBe(0);
  }, START_TIMEOUT_MS);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s once the report holds its lock removes the lock and the staging folder, keeps the reports, exits %i',
    async (signal, code) => {
      const parent = tempDir();
      const out = join(parent, 'reports');
      cpSync(earlier, out, { recursive: true });
      const before = readTree(out);
      const child = spawn(
        'sh',
        ['-c', `exec ${SCRIPTS.report} "$@"`, 'sh', '--root', root, '--as-of', '2026-11-24', '--out', out],
        {
          cwd: REPO_ROOT,
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules/.bin')}${delimiter}${process.env.PATH}` },
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      let ended = false;
      void exited.then(() => (ended = true));
      const lock = join(parent, '.reports.lock');
      const started = Date.now();
      while (!ended && !existsSync(lock) && Date.now() - started < START_TIMEOUT_MS) await sleep(2);
      expect({ lockSeen: existsSync(lock), stderr }).toEqual({ lockSeen: true, stderr: '' });
      process.kill(-child.pid!, signal);
      expect(await exited).toBe(code);
      expect(readdirSync(parent)).toEqual(['reports']);
      expect(readTree(out)).toEqual(before);
    },
    START_TIMEOUT_MS + 60_000,
  );
});

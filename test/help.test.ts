/**
 * Every npm script a person runs answers --help and -h with its usage and
 * changes nothing: the scripts run from a copy of this repository (docs and
 * gen:types write into the repository they live in, not into --root), and
 * every file of the copy keeps its content and its modification time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers/fixtures.js';
import type { CliResult } from './helpers/cli.js';

const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
/**
 * The scripts that are this project's entry points, with node's arguments as the script gives them: the commands
 * (through bin/run.mjs), the bench (under tsx) and the build. typecheck, test, format and lint are the tools' own.
 */
const ENTRY_POINTS = Object.entries(PACKAGE.scripts).flatMap(([name, command]) => {
  const m = /^node ((?:--import tsx )?(?:bin|bench)\/\S+\.(?:mjs|ts))( [a-z-]+)?$/.exec(command);
  return m && name !== 'prepare' ? [{ name, args: [...m[1].split(' '), ...(m[2] ? [m[2].trim()] : [])] }] : [];
});
const FLAGS = ['--help', '-h'] as const;
const SKIPPED = new Set(['node_modules', '.git', 'coverage']);

/** Every file below `dir` (but node_modules and .git) with its modification time and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (SKIPPED.has(path) || path === 'bench/data') continue;
      if (e.isDirectory()) walk(path);
      else {
        const full = join(dir, path);
        const hash = createHash('sha1').update(readFileSync(full)).digest('hex');
        out[path] = `${statSync(full).mtimeMs} ${hash}`;
      }
    }
  };
  walk('');
  return out;
}

function run(copy: string, args: string[], flag: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, flag], {
      cwd: copy,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the jobs two at a time (the machine's other work keeps its share). */
async function twoAtATime<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

describe('--help', () => {
  let copy: string;
  let before: Record<string, string>;
  const results = new Map<string, CliResult>();

  beforeAll(async () => {
    copy = tempDir('ops-help-');
    cpSync(REPO_ROOT, copy, {
      recursive: true,
      // Times kept, so the copy's build in dist/ is as up to date as the repository's (see bin/fingerprint.mjs).
      preserveTimestamps: true,
      filter: (src) => !SKIPPED.has(src.slice(REPO_ROOT.length).split('/')[0]) && src !== join(REPO_ROOT, 'bench/data'),
    });
    symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(copy, 'node_modules'));
    before = snapshot(copy);
    const cases = ENTRY_POINTS.flatMap((s) => FLAGS.map((flag) => ({ ...s, flag })));
    const outcomes = await twoAtATime(cases.map((c) => () => run(copy, c.args, c.flag)));
    cases.forEach((c, i) => results.set(`${c.name} ${c.flag}`, outcomes[i]));
  }, 300_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('covers every entry point in package.json', () => {
    expect(ENTRY_POINTS.map((s) => s.name)).toEqual([
      'validate',
      'report',
      'metrics',
      'diff',
      'new',
      'record',
      'from-issue',
      'billing',
      'import',
      'reconcile',
      'docs',
      'bench',
      'gen:types',
      'build',
    ]);
  });

  it.each(ENTRY_POINTS.flatMap((s) => FLAGS.map((flag) => [s.name, flag])))(
    'npm run %s -- %s prints its usage and exits 0',
    (name, flag) => {
      const r = results.get(`${name} ${flag}`)!;
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name}( -- |\n)`, 'm'));
    },
  );

  it('changes no file', () => {
    expect(snapshot(copy)).toEqual(before);
  });
});

/** Fixture repos for tests: copy one into a temp folder, optionally overlay or delete files. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A new empty folder, inside the run's own temporary folder (test/temp-root.ts) when vitest runs the tests. */
export function tempDir(prefix = 'ops-test-'): string {
  return mkdtempSync(join(process.env.OPS_TEST_TMP ?? tmpdir(), prefix));
}

/** A writable copy of test/fixtures/<name>, with `overlay` copied on top and `remove` deleted. */
export function fixtureCopy(name: string, overlay?: string, remove: readonly string[] = []): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  if (overlay && existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  for (const path of remove) rmSync(join(dir, path));
  return dir;
}

/** Replaces the first `from` in the file at `root`/`path` with `to` (a test's small change to a fixture copy). */
export function replaceIn(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no '${from}' to replace`);
  writeFileSync(file, text.replace(from, to));
}

/**
 * A writable copy of this repository's own sample data. Not its published reports: `npm run report` rewrites them
 * as of today; a test that needs a report set makes one at a date of its own.
 */
export function sampleCopy(): string {
  const root = tempDir();
  for (const p of ['ops.config.yaml', 'partners', 'grants', 'costs', 'finance', 'pricing'])
    cpSync(join(REPO_ROOT, p), join(root, p), { recursive: true });
  return root;
}

/**
 * The id of a process that is not running, as a killed writer leaves in its lock and file names: one above Linux's
 * highest possible process id (PID_MAX_LIMIT, 2^22), so that it cannot be a live process. The id of a process that
 * has just ended will not do: on a busy machine ids wrap around (every 32,768 here), and it may be a new process's.
 */
export const DEAD_PID = 2 ** 22 + 1;

/** Every file below `dir` with its text, by relative path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

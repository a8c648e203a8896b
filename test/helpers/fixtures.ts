/** Fixture repos for tests: copy one into a temp folder, optionally overlay or delete files. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function tempDir(prefix = 'ops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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

/** A writable copy of this repository's own sample data (and its published reports, when asked). */
export function sampleCopy(withReports = false): string {
  const root = tempDir();
  for (const p of [
    'ops.config.yaml',
    'partners',
    'grants',
    'costs',
    'finance',
    'pricing',
    ...(withReports ? ['reports'] : []),
  ])
    cpSync(join(REPO_ROOT, p), join(root, p), { recursive: true });
  return root;
}

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

/** Fixture repos for tests: copy one into a temp folder, optionally overlay or delete files. */
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
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

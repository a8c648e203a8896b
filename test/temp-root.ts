/**
 * Vitest's global set-up: one folder for every temporary folder the tests
 * make (helpers/fixtures.ts tempDir), removed when the run ends, so a run
 * leaves nothing behind in the system's temporary folder (a thousand copies
 * of fixtures and tools a run, before).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ops-tests-'));
  // Open to pass through, as the system's folder is: a test runs a command as an unprivileged user.
  chmodSync(root, 0o755);
  // The test workers are started after this, with this environment.
  process.env.OPS_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}

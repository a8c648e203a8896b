/**
 * What the bundled build in dist/ was made from: every file under scripts/ and
 * schemas/ (path, size, modification time), the build script and tsconfig.json, as one
 * hash. The build writes it to dist/.fingerprint; a command runs the bundle
 * only when the sources still have that fingerprint, so an edited source is
 * never run stale. Stat only, no reads: about a millisecond for the whole tree.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FINGERPRINT_FILE = 'dist/.fingerprint';

export function sourceFingerprint(root) {
  const lines = [];
  const add = (path) => {
    const s = statSync(join(root, path));
    // Whole milliseconds: a copy that keeps the times (cp -p, cpSync's preserveTimestamps) keeps no more.
    lines.push(`${path}\0${s.size}\0${Math.floor(s.mtimeMs)}`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk('scripts');
  walk('schemas'); // compiled into dist/validators.cjs
  add('bin/build.mjs');
  add('tsconfig.json');
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

/**
 * Runs a command: `node bin/run.mjs report --as-of …` is what `npm run
 * report -- --as-of …` does. From the bundle in dist/ when it was built from
 * the sources as they are now (see bin/build.mjs), else from scripts/*.ts
 * through tsx's loader — the same code, only slower to start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FINGERPRINT_FILE, sourceFingerprint } from './fingerprint.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [command = '', ...args] = process.argv.slice(2);
const source = join(ROOT, 'scripts', `${command}.ts`);
if (!/^[a-z][a-z-]*$/.test(command) || !existsSync(source)) {
  process.stderr.write(`usage: node bin/run.mjs COMMAND [options]: no command '${command}' in scripts/\n`);
  process.exit(2);
}

const bundled = join(ROOT, 'dist', `${command}.js`);

function built() {
  try {
    return readFileSync(join(ROOT, FINGERPRINT_FILE), 'utf8') === sourceFingerprint(ROOT) && existsSync(bundled);
  } catch {
    return false;
  }
}

const script = built() ? bundled : source;
// The command reads its options from process.argv, as when node runs it directly.
process.argv = [process.argv[0], script, ...args];
if (script === source) (await import('tsx/esm/api')).register();
await import(pathToFileURL(script).href);

/**
 * Runs a command: `node bin/run.mjs report --as-of …` is what `npm run
 * report -- --as-of …` does. From the bundle in dist/ when it was built from
 * the sources as they are now (see bin/build.mjs), else from scripts/*.ts
 * through tsx's loader — the same code, only slower to start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { FINGERPRINT_FILE, sourceFingerprint } from './fingerprint.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [command = '', ...args] = process.argv.slice(2);
const source = join(ROOT, 'scripts', `${command}.ts`);
if (!/^[a-z][a-z-]*$/.test(command) || !existsSync(source)) {
  process.stderr.write(`usage: node bin/run.mjs COMMAND [options]: no command '${command}' in scripts/\n`);
  process.exit(2);
}

const bundled = join(ROOT, 'dist', `${command}.cjs`);

function built() {
  try {
    return readFileSync(join(ROOT, FINGERPRINT_FILE), 'utf8') === sourceFingerprint(ROOT) && existsSync(bundled);
  } catch {
    return false;
  }
}

/**
 * Runs the CommonJS bundle with V8's code cache: the functions a run compiled
 * are kept in dist/.cache/ when it ends, so the next start skips compiling
 * them. The cache is named by a hash of the bundle's bytes (V8 itself checks
 * only the length, so a rebuilt bundle never meets another's cache); one V8
 * refuses (another Node) is made anew. A folder that cannot be written only
 * means no cache.
 */
function runBundle(file) {
  const code = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const cacheFile = join(dirname(file), '.cache', `${command}-${hash}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet: this run makes it.
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        // Whole or not at all: a command starting meanwhile reads the old cache or none.
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // Read-only: the next start compiles again.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
}

const fromBuild = built();
// The command reads its options from process.argv, as when node runs it directly.
process.argv = [process.argv[0], fromBuild ? bundled : source, ...args];
if (fromBuild) runBundle(bundled);
else {
  (await import('tsx/esm/api')).register();
  await import(pathToFileURL(source).href);
}

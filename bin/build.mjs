/**
 * npm run build (run by `npm ci` and `npm install` as `prepare`): bundles each
 * command in scripts/*.ts into dist/ with esbuild, so a command starts as
 * plain JavaScript instead of compiling its TypeScript modules through tsx's
 * loader at every start. The packages are bundled too: a start reads one file
 * instead of resolving a few hundred modules in node_modules (0.23 s → 0.16 s
 * for `validate --help`). Each command is one CommonJS file, which
 * bin/run.mjs compiles with V8's code cache (Node 20 has no code cache for ES
 * modules): 0.55 → 0.48 s for `validate` on 100 partners. The templates,
 * schemas and docs are read from the tool's folder at run time, so the bundle
 * is the same code tsx runs, only compiled ahead.
 *
 * bin/run.mjs runs a command from dist/ when dist/.fingerprint matches the
 * sources, else from scripts/ under tsx: an edit is never run stale, it is
 * only slower until the next `npm run build`.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FINGERPRINT_FILE, sourceFingerprint } from './fingerprint.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// CommonJS packages bundled into ES modules still call require() for Node's own modules (fs, path…).
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
// The sources' import.meta.url (tool-root.ts, schemas.ts) is the bundle's own file in CommonJS.
const META_URL = "const __bundle_url = require('node:url').pathToFileURL(__filename).href;";

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    'Usage: npm run build\n\n' +
      'Bundles the commands (scripts/*.ts) into dist/, so that they start without compiling TypeScript.\n' +
      '`npm ci` runs it. After a change to scripts/ or schemas/ the commands run from the sources (slower to\n' +
      'start) until the next `npm run build`.\n',
  );
  process.exit(0);
}

/**
 * dist/validators.cjs, the schema validators compiled ahead (scripts/lib/check/precompile.ts), and
 * dist/formats.cjs, the formats they check with: each command bundles them instead of compiling every schema at
 * its start (~0.1 s). The files stay in dist/ for the test that holds them to the validators ajv compiles.
 */
async function precompileSchemas(outdir) {
  const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
  // The generator imports schemas.ts, whose precompiled() (never run by it) asks for what is being made here.
  const generating = { external: ['ops:validators'] };
  await build({
    ...common,
    entryPoints: ['scripts/lib/check/formats.ts'],
    format: 'cjs',
    outfile: join(outdir, 'formats.cjs'),
  });
  const generator = join(outdir, 'precompile.mjs');
  await build({
    ...common,
    ...generating,
    entryPoints: ['scripts/lib/check/precompile.ts'],
    format: 'esm',
    banner: { js: REQUIRE_SHIM },
    outfile: generator,
  });
  const { precompiledValidators } = await import(pathToFileURL(generator).href);
  writeFileSync(join(outdir, 'validators.cjs'), precompiledValidators());
  rmSync(generator);
}

// Taken before building: a source edited during the build leaves the bundle stale, never wrongly fresh.
const fingerprint = sourceFingerprint(ROOT);
const staging = mkdtempSync(join(ROOT, '.dist-'));
// The validators compiled ahead go into each command (schemas.ts requires them as 'ops:validators').
const validators = {
  name: 'validators',
  setup(b) {
    b.onResolve({ filter: /^ops:validators$/ }, () => ({ path: join(staging, 'validators.cjs') }));
  },
};
try {
  await precompileSchemas(staging);
  await build({
    absWorkingDir: ROOT,
    plugins: [validators],
    entryPoints: readdirSync(join(ROOT, 'scripts'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `scripts/${f}`),
    outdir: staging,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: META_URL },
    define: { OPS_BUILD: 'true', 'import.meta.url': '__bundle_url' },
    logLevel: 'warning',
  });
  writeFileSync(join(staging, '.fingerprint'), fingerprint);
  // Swapped whole: a command starting meanwhile runs the old build or the new one, never half of each.
  const old = join(ROOT, `.dist-old-${process.pid}`);
  try {
    renameSync(join(ROOT, 'dist'), old);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  renameSync(staging, join(ROOT, 'dist'));
  rmSync(old, { recursive: true, force: true });
  process.stdout.write(`built dist/ (${FINGERPRINT_FILE} ${fingerprint.slice(0, 12)})\n`);
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`build failed: ${e.message}\n`);
  process.exit(1);
}

/**
 * The bundled build (bin/build.mjs) and the launcher every npm script goes through (bin/run.mjs): the bundle
 * writes the same reports as the sources, and it runs only while it was built from the sources as they
 * are — an edited source runs from the source. Each test works on its own copy of the tool, built there.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaFor, type Validator } from '../scripts/lib/check/schemas.js';
import { loadFiles } from '../scripts/lib/load/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, readTree, REPO_ROOT, tempDir } from './helpers/fixtures.js';

const TOOL_FILES = ['bin', 'scripts', 'schemas', 'templates', 'docs', 'partners', 'grants', 'costs', 'finance'];

/** A copy of the tool and its sample data, with node_modules linked and the build made in it. */
function builtCopy(): string {
  const copy = tempDir('ops-build-');
  for (const f of [...TOOL_FILES, 'market', 'pricing', 'ops.config.yaml', 'package.json', 'tsconfig.json'])
    cpSync(join(REPO_ROOT, f), join(copy, f), { recursive: true });
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(copy, 'node_modules'));
  const r = spawnSync(process.execPath, ['bin/build.mjs'], { cwd: copy, encoding: 'utf8' });
  expect([r.status, r.stderr]).toEqual([0, '']);
  return copy;
}

const node = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the bundled build', () => {
  let copy: string;
  beforeAll(() => {
    copy = builtCopy();
  }, 120_000);

  it('writes the same reports as the sources, byte for byte', async () => {
    const bundled = join(tempDir(), 'bundled');
    const sources = join(tempDir(), 'sources');
    const args = ['--root', copy, '--as-of', '2026-11-24', '--out'];
    expect(node(copy, ['bin/run.mjs', 'report', ...args, bundled]).code).toBe(0);
    // The sources as this test process runs them (the same files the copy was built from).
    expect((await runCli('report', [...args, sources])).code).toBe(0);
    expect(readTree(bundled)).toEqual(readTree(sources));
    expect(Object.keys(readTree(bundled)).length).toBeGreaterThan(20);
  });

  it('has the schema validators compiled ahead: each judges every test record as ajv at run time', async () => {
    const ahead = createRequire(import.meta.url)(join(copy, 'dist/validators.cjs')) as Record<string, Validator>;
    const cases = ['base', ...readdirSync(join(FIXTURES, 'broken')).map((c) => `broken/${c}/files`)];
    let refused = 0;
    for (const c of cases.filter((c) => existsSync(join(FIXTURES, c)))) {
      for (const f of (await loadFiles(new FolderSource(join(FIXTURES, c)))).files) {
        if (f.data === undefined) continue;
        const [runtime, compiled] = [schemaFor(f.placement.kind), ahead[f.placement.kind]];
        const verdict = (v: Validator) => ({ file: `${c}/${f.path}`, valid: v(f.data), errors: v.errors ?? null });
        expect(verdict(compiled)).toEqual(verdict(runtime));
        if (runtime.errors) refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(10); // the schema-* cases: not a vacuous comparison
  });

  it("keeps a run's compiled code for the next start, never for other bytes", () => {
    const cache = join(copy, 'dist/.cache');
    rmSync(cache, { recursive: true, force: true });
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('No problems found.\n');
    const [made, ...more] = readdirSync(cache);
    expect([made, more]).toEqual([expect.stringMatching(/^validate-[0-9a-f]{16}\.v8$/), []]);
    expect(statSync(join(cache, made)).size).toBeGreaterThan(100_000);
    // A damaged cache: V8 refuses it, the command runs as ever and the cache is made anew.
    writeFileSync(join(cache, made), 'not a code cache');
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('No problems found.\n');
    expect(statSync(join(cache, made)).size).toBeGreaterThan(100_000);
    // A bundle of other bytes (even of the same length) has a cache of its own.
    const bundle = join(copy, 'dist/validate.cjs');
    const built = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, built.replace('No problems found.', 'No problems found!'));
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('No problems found!\n');
    expect(readdirSync(cache).length).toBe(2);
    writeFileSync(bundle, built);
  });

  it('runs from dist/ while the sources are as built, from the sources once one changes', () => {
    // A marker only the bundle prints shows which one ran.
    appendFileSync(join(copy, 'dist/validate.cjs'), '\nprocess.stdout.write("(from dist)\\n");\n');
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('(from dist)\nNo problems found.\n');
    const source = join(copy, 'scripts/lib/text/plural.ts');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n`);
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('No problems found.\n');
    // Built again, the bundle runs again.
    expect(node(copy, ['bin/build.mjs']).code).toBe(0);
    appendFileSync(join(copy, 'dist/validate.cjs'), '\nprocess.stdout.write("(from dist)\\n");\n');
    expect(node(copy, ['bin/run.mjs', 'validate']).stdout).toBe('(from dist)\nNo problems found.\n');
  });

  it('names a command it does not have, exit 2', () => {
    expect(node(copy, ['bin/run.mjs', 'reprot'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "usage: node bin/run.mjs COMMAND [options]: no command 'reprot' in scripts/\n",
    });
  });
});

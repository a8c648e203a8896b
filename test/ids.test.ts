/**
 * Every id given to `new` and `record` is checked as an id before anything is
 * looked up or written: an id names a file or folder, so '../../x' must be
 * refused in words that say what an id looks like, not by a later check that
 * stumbles on the path it made.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixtureCopy, readTree } from './helpers/fixtures.js';

const RULE = 'an id is lowercase letters and digits, in words joined by single hyphens, e.g. uni-north or leap-2026';
const CONTRACT = ['--partner', 'beta', '--start', '2025-09-01', '--end', '2025-12-31', '--fee', 'hosting:1500/month'];

describe('ids given to new and record', () => {
  it.each([
    ['new', ['contract', '--id', '../../x', ...CONTRACT], `--id '../../x': ${RULE}`],
    ['new', ['contract', '--id', 'Beta_2025', ...CONTRACT], `--id 'Beta_2025': ${RULE}`],
    [
      'new',
      ['contract', '--hubs', 'beta-hub,../up', ...CONTRACT],
      `--hubs 'beta-hub,../up': '../up' is not an id: ${RULE}`,
    ],
    [
      'new',
      ['hub', '--partner', 'beta', '--id', 'beta-hub', '--cloud', 'aws', '--contracts', '../../alpha/x'],
      `--contracts '../../alpha/x': '../../alpha/x' is not an id: ${RULE}`,
    ],
    [
      'new',
      ['grant', '--id', 'g2', '--title', 'T', '--funder', 'F', '--amount', '100', '--owner', 'o', '--partners', 'a, B'],
      `--partners 'a, B': 'B' is not an id: ${RULE}`,
    ],
    [
      'new',
      ['partner', '--id', 'a/b', '--name', 'A', '--type', 'company', '--country', 'US', '--owner', 'o'],
      `--id 'a/b': ${RULE}`,
    ],
    ['record', ['deliverable', '--grant', 'g1', '--id', '../d', '--status', 'done'], `--id '../d': ${RULE}`],
  ])('npm run %s -- %j is refused, saying what an id looks like, and writes nothing', async (script, args, message) => {
    const root = fixtureCopy('authoring');
    const before = readTree(root);
    const r = await runCli(script, [...args, '--root', root]);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({
      code: 2,
      stderr: `usage: ${message}\n`,
      stdout: '',
    });
    expect(readTree(root)).toEqual(before);
  });

  it('writes a contract under the id given, and without --id under the partner and the start year', async () => {
    const root = fixtureCopy('authoring');
    expect((await runCli('new', ['contract', '--id', 'beta-pilot', ...CONTRACT, '--root', root])).code).toBe(0);
    expect(
      (await runCli('new', ['contract', ...CONTRACT, '--start', '2026-01-01', '--end', '2026-06-30', '--root', root]))
        .code,
    ).toBe(0);
    expect(Object.keys(readTree(root)).filter((p) => p.startsWith('partners/beta/contracts/'))).toEqual(
      expect.arrayContaining(['partners/beta/contracts/beta-pilot.yaml', 'partners/beta/contracts/beta-2026.yaml']),
    );
  });
});

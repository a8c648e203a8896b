/** What a newcomer runs into first (issue "Trust", item 15): help, defaults, hubs, links, dates. */
import type { MetricsJson } from '../scripts/lib/write/metrics-json.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesMarkdown } from '../scripts/lib/render/markdown.js';
import { today } from '../scripts/lib/time/calendar.js';
import { runCli } from './helpers/cli.js';
import { fixtureCopy, REPO_ROOT } from './helpers/fixtures.js';

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('--help', () => {
  it.each([
    ['new', ['--help']],
    ['record', ['--help']],
    ['import', ['--help']],
    ['new', ['contract', '--help']],
    ['record', ['payment', '-h']],
    ['import', ['usage', 'x.csv', '--help']],
  ])('npm run %s -- %s prints the help and exits 0', async (script, args) => {
    const r = await runCli(script, args);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`Usage: npm run ${script} -- `);
    expect(r.stdout).toContain('  --help               show this help\n');
  });
});

describe('npm run new', () => {
  it("writes a contract in the currency of the partner's country, and says so", async () => {
    const root = fixtureCopy('authoring');
    // beta is in Canada (CA): CAD, which ops.config.yaml has a rate for.
    // (A pilot that has ended, so that beta, still in stage proposal, has no contract in force.)
    const r = await runCli('new', [
      'contract',
      '--partner',
      'beta',
      '--id',
      'beta-pilot',
      '--start',
      '2025-09-01',
      '--end',
      '2025-12-31',
      '--signed',
      '2025-08-15',
      '--fee',
      'hosting:1500/month',
      '--root',
      root,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Added active contract beta-pilot for beta, 2025-09-01 to 2025-12-31. Amounts are in CAD, the currency ' +
        'of CA (give --currency to choose another).\n',
    );
    expect(read(root, 'partners/beta/contracts/beta-pilot.yaml')).toContain(
      'currency: CAD\nfees:\n  - { id: hosting, description: Hosting, amount: 1500.00, per: month }\n',
    );
  });

  it('says when a signed contract only starts later', async () => {
    const root = fixtureCopy('authoring');
    const start = `${Number(today().slice(0, 4)) + 1}-01-01`;
    const end = `${Number(today().slice(0, 4)) + 1}-12-31`;
    const r = await runCli('new', [
      'contract',
      '--partner',
      'beta',
      '--id',
      'beta-next',
      '--start',
      start,
      '--end',
      end,
      '--signed',
      today(),
      '--currency',
      'CAD',
      '--fee',
      'hosting:1500/month',
      '--root',
      root,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Added active contract beta-next for beta, ${start} to ${end}. It is signed and starts on ${start}: ` +
        `figures count its fees from that day.\n`,
    );
  });

  it('adds a hub to a partner and to the contracts that cover it, comments kept', async () => {
    const root = fixtureCopy('authoring');
    const r = await runCli('new', [
      'hub',
      '--partner',
      'alpha',
      '--id',
      'alpha-staging',
      '--cloud',
      'aws',
      '--launched',
      '2025-06-01',
      '--contracts',
      'alpha-2025',
      '--root',
      root,
    ]);
    expect([r.code, r.stdout]).toEqual([
      0,
      'Added hub alpha-staging (aws) to alpha, covered by alpha-2025.\nWrote ' +
        'partners/alpha/contracts/alpha-2025.yaml, partners/alpha/partner.md. Commit it and open a pull ' +
        'request (docs/guide.md).\n',
    ]);
    expect(read(root, 'partners/alpha/partner.md')).toContain(
      'hubs:\n  - { id: alpha-hub, cloud: gcp, launched: 2025-03-01 }\n  - { id: alpha-staging, cloud: aws, ' +
        'launched: 2025-06-01 }\nonboarding:',
    );
    expect(read(root, 'partners/alpha/partner.md')).toContain('first_contact: 2025-01-10   # met at a conference');
    expect(read(root, 'partners/alpha/contracts/alpha-2025.yaml')).toContain('hubs: [alpha-hub, alpha-staging]\n');
    expect((await runCli('validate', ['--root', root, '--as-of', '2026-01-01'])).code).toBe(0);
  });
});

describe('notes', () => {
  it('a javascript: link loses its target whole, with no stray parenthesis', () => {
    expect(
      notesMarkdown('See [click](javascript:alert(1)) or [x](data:text/html,hi). [ok](https://example.org/a_(b))'),
    ).toBe('See [click](#) or [x](#). [ok](https://example.org/a_(b))');
  });
});

describe('today', () => {
  it('is the local calendar date, not the UTC one', () => {
    // 23:30 local time on 24 November is the 24th wherever the machine is.
    expect(today(new Date(2026, 10, 24, 23, 30))).toBe('2026-11-24');
    expect(today(new Date(2026, 10, 25, 0, 15))).toBe('2026-11-25');
  });
});

describe('the README', () => {
  it("names a revision that exists for its 'figures as they stood' example, and the example runs", async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const tag = /git tag (\S+) ([0-9a-f]{7,40})/.exec(readme);
    expect(tag).not.toBeNull();
    expect(readme).toContain(`npm run metrics -- --rev ${tag![1]} --as-of 2026-06-30`);
    const r = await runCli('metrics', ['--rev', tag![2], '--as-of', '2026-06-30']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as MetricsJson).as_of).toBe('2026-06-30');
  });
});

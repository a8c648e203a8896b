/**
 * docs/guide.md, followed as written on a copy of the sample data: a new lead
 * becomes a signed partner with a hub, an invoice and its payment. The
 * commands are read from the guide itself, so an example that stops working
 * (a currency with no exchange rate, an invoice number that is not the one
 * `record invoice` prints) fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO_ROOT, sampleCopy } from './helpers/fixtures.js';

const GUIDE = readFileSync(join(REPO_ROOT, 'docs/guide.md'), 'utf8');
const SECTIONS = ['A new lead', 'The lead moves on', 'A contract is signed', 'Invoicing', 'A payment arrives'];

/** The npm run commands of a section's sh blocks, continuation lines joined, comments left out. */
function commands(section: string): string[][] {
  const start = GUIDE.indexOf(`\n## ${section}\n`);
  expect(start, `docs/guide.md has a section '${section}'`).toBeGreaterThan(-1);
  const body = GUIDE.slice(start + 1).split(/\n## /)[0];
  const blocks = [...body.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.replace(/\\\n\s*/g, '').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npm run '))
    .map(words);
}

/** A command line's words, as sh splits these simple ones: spaces, and "…" keeping spaces. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

describe('docs/guide.md, step by step', () => {
  it('takes Harbour Technical College from lead to a paid invoice, every command succeeding in order', async () => {
    const root = sampleCopy();
    const steps = SECTIONS.flatMap(commands);
    expect(steps.length).toBe(8);
    for (const [npm, run, script, dashes, ...args] of steps) {
      expect([npm, run, dashes]).toEqual(['npm', 'run', '--']);
      const r = await runCli(script, [...args, '--root', root]);
      expect({ step: `${script} ${args.join(' ')}`, code: r.code, stderr: r.code ? r.stderr : '' }).toEqual({
        step: `${script} ${args.join(' ')}`,
        code: 0,
        stderr: '',
      });
      // The stage moves to onboarding only once the contract is there.
      if (args.includes('onboarding'))
        expect(existsSync(join(root, 'partners/harbour-tech/contracts/harbour-tech-2027.yaml'))).toBe(true);
    }
    expect(readFileSync(join(root, 'partners/harbour-tech/invoices.yaml'), 'utf8')).toMatch(
      /number: INV-2027-1474[\s\S]*status: paid/,
    );
  }, 240_000);
});

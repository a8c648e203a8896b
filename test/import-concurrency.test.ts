/**
 * Two identical CRM imports at once (two real processes on a copy of the sample data): both succeed, one
 * writes the drafts and the other finds them there, never "already exists". Which one wins is up to the
 * machine, so the test asserts what holds either way.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcurrentChange } from '../scripts/lib/edit/changeset.js';
import { editAndWrite } from '../scripts/lib/edit/command.js';
import { commandArgs } from './helpers/cli.js';
import { REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const DEALS =
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Contract start date,Contract end date,Deal probability,' +
  'Associated Company\n' +
  '2001,Helix renewal,Contract sent,24000,2026-12-15 00:00,2027-01-01,2027-12-31,0.6,Helix Genomics\n' +
  '2002,LEAP extension,Closed won,30000,2026-11-20 00:00,2027-03-01,2028-02-29,1,leap\n';

function importDeals(root: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, commandArgs('import', ['crm-deals', file, '--root', root]), {
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const drafts = (root: string) =>
  ['helix', 'leap'].flatMap((p) =>
    readdirSync(join(root, 'partners', p, 'contracts'))
      .filter((f) => f.includes('-deal-'))
      .map((f) => `${p}/${f}:\n${readFileSync(join(root, 'partners', p, 'contracts', f), 'utf8')}`),
  );

describe('two identical CRM imports at once', () => {
  it('both succeed: one adds the drafts, the other finds them already there', async () => {
    const root = sampleCopy();
    const file = join(tempDir(), 'deals.csv');
    writeFileSync(file, DEALS);
    const runs = await Promise.all([importDeals(root, file), importDeals(root, file)]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const firstLines = runs.map((r) => r.stdout.split('\n')[0]).sort();
    expect(firstLines).toEqual([
      '0 added, 0 updated, 2 already there, 0 skipped.',
      '2 added, 0 updated, 0 already there, 0 skipped.',
    ]);
    // The same drafts as one import alone writes.
    const alone = sampleCopy();
    expect((await importDeals(alone, file)).code).toBe(0);
    expect(drafts(root)).toEqual(drafts(alone));
    expect(drafts(root)).toHaveLength(2);
  }, 120_000);
});

describe('a record another command creates while this one works', () => {
  const PATH = 'partners/helix/contracts/helix-deal-2001.yaml';
  const DRAFT = 'id: helix-deal-2001\n';

  it('starts the edit again on the new data instead of failing with "already exists"', async () => {
    const root = sampleCopy();
    const seen: boolean[] = [];
    const { result, written } = await editAndWrite(root, async (changes) => {
      const { repo } = await changes.current();
      const there = repo.paths.has(PATH);
      seen.push(there);
      // The other command writes the same record after this one has loaded the data (the first time only):
      // creating it then is a ConcurrentChange, so the edit is made again; the second time the record is
      // there, and creating it with the same text is no change.
      if (!there) {
        mkdirSync(join(root, 'partners/helix/contracts'), { recursive: true });
        writeFileSync(join(root, PATH), DRAFT);
        expect(() => changes.create(PATH, DRAFT)).toThrow(ConcurrentChange);
      }
      changes.create(PATH, DRAFT);
      return there ? 'already there' : 'added';
    });
    expect([seen, result, written]).toEqual([[false, true], 'already there', []]);
  });
});

/**
 * Nothing a writing command does may lose a record: concurrent edits, split
 * cloud-export rows, contradictory usage rows, CRLF files and numbers that
 * are not plain amounts (issue "Trust", items 2, 3, 5, 8, 9).
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { editAndWrite } from '../scripts/lib/edit/command.js';
import { ChangeSet, ConcurrentChange } from '../scripts/lib/edit/changeset.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { LockTimeout, withLock } from '../scripts/lib/write/atomic.js';
import { commandArgs, runCli } from './helpers/cli.js';
import { DEAD_PID, fixtureCopy, readTree, REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

function runAsync(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A process of its own each, started as its npm script starts it.
    const child = spawn(process.execPath, commandArgs(script, args), {
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('concurrent writes (item 2)', () => {
  it('four payments recorded at the same moment all land, each exactly once', async () => {
    const root = fixtureCopy('authoring');
    const runs = await Promise.all(
      ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04'].map((date) =>
        runAsync('record', ['payment', '--invoice', 'A-2', '--amount', '100', '--date', date, '--root', root]),
      ),
    );
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    const text = read(root, 'partners/alpha/invoices.yaml');
    for (const date of ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04']) {
      expect(text.split(`{ date: ${date}, amount: 100.00 }`).length - 1).toBe(1);
    }
    // 400 was paid before: 800 of 1000 now, so the invoice stays sent.
    expect(text).toContain('  status: sent\n  payments:\n    - { date: 2025-04-20, amount: 400.00 }');
    expect((await runCli('validate', ['--root', root, '--as-of', '2026-01-01'])).code).toBe(0);
  });

  it('never writes over a file another command changed after it was read', async () => {
    const root = fixtureCopy('authoring');
    const changes = new ChangeSet(root, '2026-01-01');
    await changes.current();
    changes.edit('partners/alpha/invoices.yaml', (e) => e.set([1, 'status'], 'void'));
    // Someone else saves the file meanwhile.
    const theirs = read(root, 'partners/alpha/invoices.yaml').replace(
      'chasing the rest',
      'chasing the rest (called them)',
    );
    writeFileSync(join(root, 'partners/alpha/invoices.yaml'), theirs);
    await expect(changes.commit()).rejects.toBeInstanceOf(ConcurrentChange);
    expect(read(root, 'partners/alpha/invoices.yaml')).toBe(theirs);
  });

  it('makes the edit again on the new content, so both changes are kept', async () => {
    const root = fixtureCopy('authoring');
    let attempts = 0;
    await editAndWrite(root, (changes) => {
      attempts++;
      changes.edit('partners/alpha/invoices.yaml', (e) => e.set([1, 'amount'], 1000.5));
      if (attempts === 1) {
        // Another writer lands between this edit and its write.
        const path = join(root, 'partners/alpha/invoices.yaml');
        writeFileSync(path, readFileSync(path, 'utf8').replace('# first invoice', '# first invoice (paid early)'));
      }
      return Promise.resolve('');
    });
    expect(attempts).toBe(2);
    const text = read(root, 'partners/alpha/invoices.yaml');
    expect(text).toContain('- number: A-1   # first invoice (paid early)');
    expect(text).toContain('  amount: 1000.5\n  period: { from: 2025-04-01');
  });

  it('never replaces a symbolic link with a file', async () => {
    const root = fixtureCopy('authoring');
    const elsewhere = join(tempDir(), 'invoices.yaml');
    renameSync(join(root, 'partners/alpha/invoices.yaml'), elsewhere);
    symlinkSync(elsewhere, join(root, 'partners/alpha/invoices.yaml'));
    const before = readFileSync(elsewhere, 'utf8');
    const changes = new ChangeSet(root, '2026-01-01');
    changes.edit('partners/alpha/invoices.yaml', (e) => e.set([1, 'status'], 'void'));
    await expect(changes.commit()).rejects.toThrow(
      'partners/alpha/invoices.yaml is a symbolic link; replace it with the real file before editing it',
    );
    expect(lstatSync(join(root, 'partners/alpha/invoices.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe(before);
  });

  it('waits for a live writer and gives up with a message naming the lock', async () => {
    const lock = join(tempDir(), '.ops-write.lock');
    writeFileSync(lock, `${process.pid}\n`); // held by a live process: this one
    await expect(withLock(lock, () => 1, { timeoutMs: 300, what: 'the data files' })).rejects.toThrow(LockTimeout);
    await expect(withLock(lock, () => 1, { timeoutMs: 300 })).rejects.toThrow(
      new RegExp(
        'nothing was written\\. Try again when it has finished ' +
          '\\(if no such command is running, delete .*\\.ops-write\\.lock\\)',
      ),
    );
  });

  it('takes over a lock left by a process that is gone', async () => {
    const lock = join(tempDir(), '.ops-write.lock');
    writeFileSync(lock, `${DEAD_PID}\n`);
    expect(await withLock(lock, () => 'ran', { timeoutMs: 300 })).toBe('ran');
    expect(readdirSync(join(lock, '..'))).toEqual([]);
  });
});

describe('import with split or contradictory rows (item 3)', () => {
  it('sums cloud-cost rows of one hub and month into a new entry, and says so', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'costs.csv');
    writeFileSync(
      csv,
      'month,hub,amount,currency\n2025-05,alpha-hub,120.10,USD\n' +
        '2025-05,alpha-hub,80.05,USD\n2025-05,alpha-hub,0.85,USD\n',
    );
    const r = await runCli('import', ['cloud-costs', csv, '--root', root]);
    // 120.10 + 80.05 + 0.85 = 201.00
    expect(r.stdout).toBe(
      '1 added, 0 updated, 0 already there. Summed rows of the same hub and month: alpha-hub 2025-05 (lines ' +
        '2, 3, 4). Wrote partners/alpha/cloud-costs.yaml.\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(
      '- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n- { month: 2025-05, hub: ' +
        'alpha-hub, amount: 201.00, currency: USD }\n',
    );
    expect((await runCli('import', ['cloud-costs', csv, '--root', root])).stdout).toMatch(
      /^0 added, 0 updated, 1 already there\./,
    );
  });

  it('sums the rows into a month already recorded, updating it once', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'costs.csv');
    writeFileSync(csv, 'month,hub,amount,currency\n2025-03,alpha-hub,150,USD\n2025-03,alpha-hub,60.25,USD\n');
    const r = await runCli('import', ['cloud-costs', csv, '--root', root]);
    // 150 + 60.25 = 210.25 replaces the recorded 200.00
    expect(r.stdout).toBe(
      '0 added, 1 updated, 0 already there. Summed rows of the same hub and month: alpha-hub 2025-03 (lines ' +
        '2, 3). Wrote partners/alpha/cloud-costs.yaml.\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(
      '- { month: 2025-03, hub: alpha-hub, amount: 210.25, currency: USD }\n',
    );
  });

  it('refuses one hub-month in two currencies, naming both lines', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'costs.csv');
    writeFileSync(csv, 'month,hub,amount,currency\n2025-05,alpha-hub,120.10,USD\n2025-05,alpha-hub,80,CAD\n');
    const r = await runCli('import', ['cloud-costs', csv, '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `refused: nothing was imported:\n  ${csv} lines 2 and 3: hub 'alpha-hub' has costs for 2025-05 in USD ` +
        `and CAD; one month of a hub is recorded in one currency, so convert them to one before importing\n`,
    );
  });

  it('refuses two active-user counts for one hub and month, naming both lines', async () => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'partners/alpha/usage.yaml');
    const csv = join(tempDir(), 'usage.csv');
    writeFileSync(csv, 'month,hub,active_users\n2025-05,alpha-hub,40\n2025-06,alpha-hub,41\n2025-05,alpha-hub,44\n');
    const r = await runCli('import', ['usage', csv, '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `refused: nothing was imported:\n  ${csv} lines 2 and 4: hub 'alpha-hub' has 2 active-user counts for ` +
        `2025-05 (40 and 44); a month has one count per hub, so keep the right row and remove the other\n`,
    );
    expect(read(root, 'partners/alpha/usage.yaml')).toBe(before);
  });

  it('says an empty file is empty instead of "nothing to change"', async () => {
    const root = fixtureCopy('authoring');
    for (const content of ['', 'month,hub,active_users\n']) {
      const csv = join(tempDir(), 'usage.csv');
      writeFileSync(csv, content);
      const r = await runCli('import', ['usage', csv, '--root', root]);
      expect([r.code, r.stderr]).toEqual([
        1,
        `refused: ${csv} has no rows to import (it is empty or holds only a header); expected the columns ` +
          `month, hub, active_users and one row per hub and month\n`,
      ]);
    }
  });
});

describe('Windows line endings (item 5)', () => {
  it('a CRLF copy of the sample data has exactly the problems of the LF one: none', async () => {
    const root = sampleCopy();
    for (const [path, text] of Object.entries(readTree(root)))
      writeFileSync(join(root, path), text.replace(/\n/g, '\r\n'));
    expect(read(root, 'partners/uni-north/partner.md').startsWith('---\r\nid: uni-north\r\n')).toBe(true);
    expect((await checkData(new FolderSource(root), { asOf: '2026-11-24' })).problems).toEqual([]);
  });

  it('a clone made with core.autocrlf=true validates clean', async () => {
    const clone = join(tempDir(), 'clone');
    const git = (args: string[], cwd = REPO_ROOT) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    expect(git(['clone', '-q', '-c', 'core.autocrlf=true', '--no-hardlinks', REPO_ROOT, clone]).status).toBe(0);
    const r = await runCli('validate', ['--root', clone, '--as-of', '2026-11-24']);
    expect([r.code, r.stdout.trim()]).toEqual([0, 'No problems found.']);
  });

  it('record keeps a CRLF file in CRLF', async () => {
    const root = fixtureCopy('authoring');
    const path = join(root, 'partners/alpha/invoices.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const r = await runCli('record', [
      'payment',
      '--invoice',
      'A-2',
      '--amount',
      '600',
      '--date',
      '2025-06-01',
      '--root',
      root,
    ]);
    expect(r.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(
      '  status: paid\r\n  payments:\r\n    - { date: 2025-04-20, amount: 400.00 }\r\n    - { date: ' +
        '2025-06-01, amount: 600.00 }\r\n',
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('amounts (items 8 and 9)', () => {
  it.each([
    [
      '0',
      "--amount '0': 'amount' is 0 but must be more than 0. The amount received, in the invoice currency " +
        '(more than 0).',
    ],
    ['10.005', "--amount '10.005': 10.005 has more decimals than USD allows (2); write it with at most 2, e.g. 10.01"],
    ['-5', "--amount '-5': 'amount' is -5 but must be at least 0."],
    ['0x10', "--amount '0x10': 'amount' must be a number, but it is text ('0x10')."],
    ['1e3', "--amount '1e3': 'amount' must be a number, but it is text ('1e3')."],
  ])('record payment --amount %s is refused in the validator’s words, writing nothing', async (amount, message) => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'partners/alpha/invoices.yaml');
    const r = await runCli('record', ['payment', '--invoice', 'A-2', '--amount', amount, '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`usage: ${message}`)).toBe(true);
    expect(read(root, 'partners/alpha/invoices.yaml')).toBe(before);
  });
});

describe('stage moves back before the contract (item 11)', () => {
  /** The authoring fixture with beta moved on to onboarding, past its signed contract. */
  async function inOnboarding(): Promise<string> {
    const root = fixtureCopy('authoring');
    const args = ['stage', '--partner', 'beta', '--to', 'onboarding', '--date', '2025-08-01', '--root', root];
    expect((await runCli('record', args)).code).toBe(0);
    return root;
  }

  it('are refused without --force and a reason, writing nothing', async () => {
    const root = await inOnboarding();
    const before = read(root, 'partners/beta/partner.md');
    for (const extra of [[], ['--force'], ['--reason', 'signed by mistake']]) {
      const r = await runCli('record', ['stage', '--partner', 'beta', '--to', 'proposal', ...extra, '--root', root]);
      expect([r.code, r.stderr]).toEqual([
        1,
        `refused: beta is in stage 'onboarding', after its contract was signed; moving it back to 'proposal' ` +
          `says the contract never happened. If that is really so, run it again with --force --reason "why" ` +
          `(the reason is kept beside the stage in partner.md)\n`,
      ]);
      expect(read(root, 'partners/beta/partner.md')).toBe(before);
    }
  });

  it('with --force and a reason, keep the reason beside the stage', async () => {
    const root = await inOnboarding();
    const r = await runCli('record', [
      'stage',
      '--partner',
      'beta',
      '--to',
      'proposal',
      '--date',
      '2025-08-15',
      '--force',
      '--reason',
      'the signature was for another project',
      '--root',
      root,
    ]);
    expect(r.code).toBe(0);
    expect(read(root, 'partners/beta/partner.md')).toContain(
      'stage: proposal   # moved back from onboarding on 2025-08-15: the signature was for another project\n',
    );
  });

  it('are refused even with --force while a signed contract is in force (rule pre-contract-stage)', async () => {
    const root = fixtureCopy('authoring');
    const r = await runCli('record', [
      'stage',
      '--partner',
      'alpha',
      '--to',
      'lead',
      '--force',
      '--reason',
      'test',
      '--root',
      root,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "  7:8  error  'alpha' is in stage 'lead', but its contract alpha-2025 is in force (2025-03-01 to 2027-02-28)",
    );
  });
});

describe('an invoice for a period already invoiced (item 10)', () => {
  it('is written with a warning naming the other invoice', async () => {
    const root = fixtureCopy('authoring');
    const r = await runCli('record', [
      'invoice',
      '--contract',
      'alpha-2025',
      '--period',
      '2025-04-16..2025-05-15',
      '--issued',
      '2025-05-01',
      '--root',
      root,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning  INV-2025-1001 bills 2025-04-16 to 2025-05-15, but A-2 already bills 2025-04-01 to 2025-04-30 ' +
        'of alpha-2025 (15 days twice)',
    );
  });
});

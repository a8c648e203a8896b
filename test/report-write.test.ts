/**
 * `npm run report` never loses a byte of anyone's files (issue "Trust",
 * items 1 and 4): it refuses folders holding Markdown it did not write,
 * keeps a person's files in reports/, swaps the whole set in at once, and
 * an interrupt at any moment leaves the old set or the new one — nothing
 * half-written, no temporary files.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { commandArgs, runCli } from './helpers/cli.js';
import { DEAD_PID, readTree, REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const report = (root: string, asOf: string, out: string) =>
  runCli('report', ['--root', root, '--as-of', asOf, '--out', out]);

/** `root` with an earlier report set in its own reports/ folder, as after a run as of 2026-10-15. */
async function withEarlierReports(root: string): Promise<string> {
  expect((await report(root, '2026-10-15', join(root, 'reports'))).code).toBe(0);
  return root;
}

describe('where the reports may be written (item 1)', () => {
  it("refuses a folder holding a person's Markdown, changing nothing", async () => {
    const root = sampleCopy();
    const out = join(tempDir(), 'm');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), '# My notes\n');
    const r = await report(root, '2026-11-24', out);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `error: --out ${out} already holds Markdown that the reports did not write (notes.md); nothing was ` +
        `written. Choose an empty or new folder, or the folder of an earlier report run\n`,
    );
    expect(readTree(out)).toEqual({ 'notes.md': '# My notes\n' });
    expect(readdirSync(join(out, '..'))).toEqual(['m']);
  });

  it('refuses a handbook (Markdown in subfolders), naming at most five of its files, changing nothing', async () => {
    const root = sampleCopy();
    const docs = join(tempDir(), 'docs');
    for (const page of [
      'guide.md',
      'data.md',
      'checks.md',
      'how-to/renewals.md',
      'how-to/invoices.md',
      'how-to/new-hub.md',
    ]) {
      mkdirSync(dirname(join(docs, page)), { recursive: true });
      writeFileSync(join(docs, page), `# ${page}\n`);
    }
    writeFileSync(join(docs, 'logo.png'), 'png');
    const before = readTree(docs);
    const r = await report(root, '2026-11-24', docs);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `error: --out ${docs} already holds Markdown that the reports did not write (checks.md, data.md, ` +
        `guide.md, how-to/invoices.md, how-to/new-hub.md and 1 more); nothing was written. Choose an empty ` +
        `or new folder, or the folder of an earlier report run\n`,
    );
    expect(readTree(docs)).toEqual(before);
    expect(readdirSync(join(docs, '..'))).toEqual(['docs']);
  });

  it(
    'refuses a busy folder that holds no earlier reports (here, a data file and an empty folder), changing ' +
      'nothing',
    async () => {
      const root = sampleCopy();
      const out = tempDir();
      mkdirSync(join(out, 'sub'));
      mkdirSync(join(out, 'empty'));
      writeFileSync(join(out, 'sub/data.bin'), 'x');
      const r = await report(root, '2026-11-24', out);
      expect([r.code, r.stderr]).toEqual([
        2,
        `error: --out ${out} is not empty and holds no earlier reports (empty/, sub/data.bin); nothing was ` +
          `written. Choose an empty or new folder\n`,
      ]);
      expect(readTree(out)).toEqual({ 'sub/data.bin': 'x' });
      expect(readdirSync(join(out, 'empty'))).toEqual([]);
    },
  );

  it.each([
    ['the data root', '', 'is the data folder itself'],
    ["a partner's folder", 'partners/uni-north', 'is inside the data (partners/)'],
    ['the grants folder', 'grants', 'is inside the data (grants/)'],
    ['a file', 'ops.config.yaml', 'is a file, not a folder'],
  ])('refuses %s, changing nothing', async (_, sub, words) => {
    const root = sampleCopy();
    const before = readTree(root);
    const r = await report(root, '2026-11-24', join(root, sub));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(readTree(root)).toEqual(before);
  });

  it("keeps a person's files in the data's own reports folder, and removes only pages it wrote", async () => {
    const root = await withEarlierReports(sampleCopy());
    const out = join(root, 'reports');
    writeFileSync(join(out, 'notes.md'), '# Notes for the board\n');
    writeFileSync(join(out, '.gitkeep'), '');
    mkdirSync(join(out, 'drafts'));
    expect((await report(root, '2026-11-24', out)).code).toBe(0);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('# Notes for the board\n');
    expect(existsSync(join(out, '.gitkeep'))).toBe(true);
    expect(readdirSync(join(out, 'drafts'))).toEqual([]);
    expect(readFileSync(join(out, '.generated'), 'utf8')).toContain('partners/nimbus.md\n');
    // A partner removed from the data: its page, which the report wrote, goes; the notes stay.
    rmSync(join(root, 'partners/nimbus'), { recursive: true });
    const r = await report(root, '2026-11-24', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 removed (partners/nimbus.md)');
    expect(existsSync(join(out, 'partners/nimbus.md'))).toBe(false);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('# Notes for the board\n');
  });

  it(
    'keeps an unchanged page as the same file (linked, not rewritten), ' + 'rewrites a changed one and a link',
    async () => {
      const root = sampleCopy();
      const out = join(tempDir(), 'r');
      expect((await report(root, '2026-11-24', out)).code).toBe(0);
      const inode = (page: string) => lstatSync(join(out, page)).ino;
      const before = { nimbus: inode('partners/nimbus.md'), helix: inode('partners/helix.md') };
      const elsewhere = join(tempDir(), 'elsewhere.md');
      writeFileSync(elsewhere, readFileSync(join(out, 'grants.md')));
      rmSync(join(out, 'grants.md'));
      symlinkSync(elsewhere, join(out, 'grants.md'));
      // Nimbus is renamed: its page changes; helix's does not.
      const profile = join(root, 'partners/nimbus/partner.md');
      writeFileSync(profile, readFileSync(profile, 'utf8').replace('name: Nimbus Cloud', 'name: Nimbus Sky'));
      const r = await report(root, '2026-11-24', out);
      expect(r.code).toBe(0);
      expect(inode('partners/helix.md')).toBe(before.helix);
      expect(inode('partners/nimbus.md')).not.toBe(before.nimbus);
      expect(readFileSync(join(out, 'partners/nimbus.md'), 'utf8')).toContain('Nimbus Sky');
      // The link someone put in place of a page is replaced by the page itself; what it pointed at is untouched.
      expect(lstatSync(join(out, 'grants.md')).isFile()).toBe(true);
      expect(lstatSync(elsewhere).nlink).toBe(1);
      // The same pages as a run into an empty folder.
      const fresh = join(tempDir(), 'fresh');
      expect((await report(root, '2026-11-24', fresh)).code).toBe(0);
      expect(readTree(out)).toEqual(readTree(fresh));
    },
  );

  it('removes temporary files that killed writers left in the reports folder', async () => {
    const root = await withEarlierReports(sampleCopy());
    const out = join(root, 'reports');
    const debris = [`.README.md.${DEAD_PID}.tmp`, `partners/.leap.md.${DEAD_PID}.tmp`];
    for (const path of debris) writeFileSync(join(out, path), 'half a report');
    expect((await report(root, '2026-11-24', out)).code).toBe(0);
    for (const path of debris) expect(existsSync(join(out, path))).toBe(false);
    expect(readdirSync(root).sort()).toEqual([
      'costs',
      'finance',
      'grants',
      'ops.config.yaml',
      'partners',
      'pricing',
      'reports',
    ]);
  });

  it('writes through a link to a folder, where it points, and leaves the link a link', async () => {
    const root = sampleCopy();
    const parent = tempDir();
    mkdirSync(join(parent, 'real'));
    symlinkSync(join(parent, 'real'), join(parent, 'link'));
    for (const run of [1, 2]) {
      const r = await report(root, '2026-11-24', join(parent, 'link'));
      expect(r.code).toBe(0);
      // 16 reports (the dashboard, partners/README.md and 14 more), the billing statement, 14 partner pages.
      expect(r.stdout).toMatch(run === 1 ? / 31 new \(/ : /: 31 unchanged\.\n$/);
    }
    expect(lstatSync(join(parent, 'link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(parent, 'real'))).toContain('README.md');
    expect(readdirSync(parent).sort()).toEqual(['link', 'real']);
  });

  it('names the folder it cannot write', async () => {
    const root = sampleCopy();
    const parent = tempDir();
    const out = join(parent, 'reports');
    expect((await report(root, '2026-11-24', out)).code).toBe(0);
    chmodSync(parent, 0o777);
    chmodSync(out, 0o777);
    chmodSync(join(out, 'partners'), 0o555);
    for (const dir of [root, ...['partners', 'grants', 'costs', 'finance', 'pricing'].map((d) => join(root, d))])
      chmodSync(dir, 0o755);
    // As root, permission bits do not stop anything: run as an unprivileged user, as a person would (a process of
    // its own).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const reportAsUser = () =>
      spawnSync(process.execPath, commandArgs('report', ['--root', root, '--as-of', '2026-11-20', '--out', out]), {
        encoding: 'utf8',
        cwd: REPO_ROOT,
        env: { ...process.env, HOME: parent },
        ...asUser,
      });
    const r = reportAsUser();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `cannot write the reports: ${join(out, 'partners')} is read-only; make it writable (chmod u+w) or ` +
        `choose another --out`,
    );
    chmodSync(join(out, 'partners'), 0o755);
    // The folder the swap renames the reports in, read-only: named too, before the data is even read.
    chmodSync(parent, 0o555);
    const p = reportAsUser();
    expect([p.status, p.stderr]).toEqual([
      2,
      `error: cannot write the reports: ${parent} is read-only; make it writable (chmod u+w) or choose another --out\n`,
    ]);
    chmodSync(parent, 0o755);
  });
});

describe('an interrupted report (item 4)', () => {
  // The old set (as of 2026-10-15) and the new one (as of 2026-11-24), made once, of 200 synthetic partners: long
  // enough a run that a signal sent as rendering starts lands while it renders (the sample data's run could end
  // first, and rightly exit 0 with the new set).
  const root = tempDir();
  generate({ partners: 200, seed: 1, out: root });
  const oldSet = join(tempDir(), 'old');
  const newSet = join(tempDir(), 'new');
  let typicalMs = 0;
  beforeAll(async () => {
    expect((await report(root, '2026-10-15', oldSet)).code).toBe(0);
    // Timed the way the runs below are started.
    const started = Date.now();
    const args = commandArgs('report', ['--root', root, '--as-of', '2026-11-24', '--out', newSet]);
    expect(spawnSync(process.execPath, args, { cwd: REPO_ROOT }).status).toBe(0);
    typicalMs = Date.now() - started;
  });

  const start = (out: string, asOf = '2026-11-24') =>
    spawn(process.execPath, commandArgs('report', ['--root', root, '--as-of', asOf, '--out', out]), {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });

  interface Stopped {
    out: string;
    code: number | null;
    signal: NodeJS.Signals | null;
  }

  /**
   * Runs report into a fresh copy of the old set and stops it with `signal`: after `delayMs`, or (delayMs
   * 'rendering') as soon as its staging folder appears, or ('finished') once it has ended by itself.
   */
  async function interrupted(signal: NodeJS.Signals, delayMs: number | 'rendering' | 'finished'): Promise<Stopped> {
    const parent = tempDir();
    const out = join(parent, 'reports');
    cpSync(oldSet, out, { recursive: true });
    const child = start(out);
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    let ended = false;
    void exited.then(() => (ended = true));
    if (delayMs === 'rendering') {
      while (!ended && !readdirSync(parent).some((n) => n.startsWith('.reports.staging-'))) await sleep(2);
    } else if (delayMs === 'finished') await exited;
    else await sleep(delayMs);
    child.kill(signal);
    const [code, sig] = await exited;
    return { out, code, signal: sig };
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const leftovers = (out: string) => readdirSync(join(out, '..')).filter((n) => n !== 'reports');
  const which = (out: string) => {
    const got = JSON.stringify(readTree(out));
    return got === JSON.stringify(readTree(oldSet))
      ? 'old'
      : got === JSON.stringify(readTree(newSet))
        ? 'new'
        : 'mixed';
  };

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s while rendering removes the staging folder and the lock, keeps the old set, exits %i',
    async (signal, code) => {
      const stopped = await interrupted(signal, 'rendering');
      expect([stopped.code, which(stopped.out), leftovers(stopped.out)]).toEqual([code, 'old', []]);
    },
  );

  it('leaves exactly the old set or the new set, and nothing else, at 10 random moments', async () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 20261125;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const signal = i % 2 ? 'SIGTERM' : 'SIGINT';
      // The first moment is as rendering starts and the last after the run has finished, however busy the machine
      // (a run may take far longer, or shorter, than the one timed): both outcomes happen. Between them, random
      // moments up to a little after a typical run.
      const delay = i === 0 ? 'rendering' : i === 9 ? 'finished' : Math.round(random() * 1.2 * typicalMs);
      const stopped = await interrupted(signal, delay);
      const outcome = which(stopped.out);
      const context = `run ${i}: ${signal} ${typeof delay === 'number' ? `after ${delay} ms` : delay}, exit ${
        stopped.code ?? stopped.signal
      }`;
      expect(outcome, context).not.toBe('mixed');
      expect(leftovers(stopped.out), context).toEqual([]);
      // Finished: the new set; stopped while rendering (130, 143): the old one; killed before writing: the old one.
      if (stopped.code === 0) expect(outcome, context).toBe('new');
      else if (stopped.code !== null)
        expect([stopped.code, outcome], context).toEqual([signal === 'SIGINT' ? 130 : 143, 'old']);
      seen.add(outcome);
    }
    // Over ten moments from start to finish, both outcomes happen: the test really interrupts both phases.
    expect([...seen].sort()).toEqual(['new', 'old']);
  });

  it('after a kill -9 while rendering, the folder is still whole and the next run cleans up', async () => {
    const { out } = await interrupted('SIGKILL', 'rendering');
    expect(which(out)).toBe('old');
    // What a kill -9 cannot tidy: the staging folder and the lock, both named with the dead process's id.
    expect(leftovers(out).sort()).toEqual(['.reports.lock', expect.stringMatching(/^\.reports\.staging-\d+$/)]);
    expect((await report(root, '2026-11-24', out)).code).toBe(0);
    expect(which(out)).toBe('new');
    expect(leftovers(out)).toEqual([]);
  });

  it(
    'after a run died between its two renames, the next run puts the old set back first, keeping what it ' + 'holds',
    async () => {
      const parent = tempDir();
      const out = join(parent, 'reports');
      const dead = DEAD_PID;
      cpSync(oldSet, join(parent, `.reports.old-${dead}`), { recursive: true });
      writeFileSync(join(parent, `.reports.old-${dead}`, 'logo.png'), 'png');
      cpSync(newSet, join(parent, `.reports.staging-${dead}`), { recursive: true });
      writeFileSync(join(parent, '.reports.lock'), `${dead}\n`);
      const r = await report(root, '2026-11-24', out);
      expect(r.code).toBe(0);
      // Compared with the old set, not written from nothing.
      expect(r.stdout).not.toContain(': 23 new (');
      expect(readFileSync(join(out, 'logo.png'), 'utf8')).toBe('png');
      rmSync(join(out, 'logo.png'));
      expect(which(out)).toBe('new');
      expect(leftovers(out)).toEqual([]);
    },
  );

  it('two runs at once into one folder take turns: both finish, and the folder holds one whole set', async () => {
    const out = join(tempDir(), 'reports');
    // Different dates, so that interleaved writes would show as a mixed folder.
    const run = (asOf: string) =>
      new Promise<number>((resolve) => start(out, asOf).on('exit', (code) => resolve(code ?? -1)));
    expect(await Promise.all([run('2026-10-15'), run('2026-11-24')])).toEqual([0, 0]);
    expect(['old', 'new']).toContain(which(out));
    expect(leftovers(out)).toEqual([]);
  });
});

/**
 * `npm run report` never loses a byte of anyone's files (issue "Trust",
 * items 1 and 4): it refuses folders holding Markdown it did not write,
 * keeps a person's files in reports/, swaps the whole set in at once, and
 * an interrupt at any moment leaves the old set or the new one — nothing
 * half-written, no temporary files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { readTree, REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const REPORT = join(REPO_ROOT, 'scripts/report.ts');

const report = (root: string, asOf: string, out: string) => runCli('report', ['--root', root, '--as-of', asOf, '--out', out]);

describe('where the reports may be written (item 1)', () => {
  it("refuses a folder holding a person's Markdown, changing nothing", () => {
    const root = sampleCopy(true);
    const out = join(tempDir(), 'm');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), '# My notes\n');
    const r = report(root, '2026-11-24', out);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`error: --out ${out} already holds Markdown that the reports did not write (notes.md); nothing was written. Choose an empty or new folder, or the folder of an earlier report run\n`);
    expect(readTree(out)).toEqual({ 'notes.md': '# My notes\n' });
  });

  it('refuses a busy folder that holds no earlier reports (here, a data file and an empty folder), changing nothing', () => {
    const root = sampleCopy(true);
    const out = tempDir();
    mkdirSync(join(out, 'sub'));
    mkdirSync(join(out, 'empty'));
    writeFileSync(join(out, 'sub/data.bin'), 'x');
    const r = report(root, '2026-11-24', out);
    expect([r.code, r.stderr]).toEqual([2, `error: --out ${out} is not empty and holds no earlier reports (empty/, sub/data.bin); nothing was written. Choose an empty or new folder\n`]);
    expect(readTree(out)).toEqual({ 'sub/data.bin': 'x' });
    expect(readdirSync(join(out, 'empty'))).toEqual([]);
  });

  it.each([
    ['the data root', '', 'is the data folder itself'],
    ["a partner's folder", 'partners/uni-north', 'is inside the data (partners/)'],
    ['the grants folder', 'grants', 'is inside the data (grants/)'],
  ])('refuses %s, changing nothing', (_, sub, words) => {
    const root = sampleCopy(true);
    const before = readTree(root);
    const r = report(root, '2026-11-24', join(root, sub));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(readTree(root)).toEqual(before);
  });

  it("keeps a person's files in the data's own reports folder, and removes only pages it wrote", () => {
    const root = sampleCopy(true);
    const out = join(root, 'reports');
    writeFileSync(join(out, 'notes.md'), '# Notes for the board\n');
    writeFileSync(join(out, '.gitkeep'), '');
    mkdirSync(join(out, 'drafts'));
    expect(report(root, '2026-11-24', out).code).toBe(0);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('# Notes for the board\n');
    expect(existsSync(join(out, '.gitkeep'))).toBe(true);
    expect(readdirSync(join(out, 'drafts'))).toEqual([]);
    expect(readFileSync(join(out, '.generated'), 'utf8')).toContain('partners/nimbus.md\n');
    // A partner removed from the data: its page, which the report wrote, goes; the notes stay.
    rmSync(join(root, 'partners/nimbus'), { recursive: true });
    const r = report(root, '2026-11-24', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 removed (partners/nimbus.md)');
    expect(existsSync(join(out, 'partners/nimbus.md'))).toBe(false);
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('# Notes for the board\n');
  });

  it('names the folder it cannot write', () => {
    const root = sampleCopy(true);
    const parent = tempDir();
    const out = join(parent, 'reports');
    expect(report(root, '2026-11-24', out).code).toBe(0);
    chmodSync(parent, 0o777);
    chmodSync(out, 0o777);
    chmodSync(join(out, 'partners'), 0o555);
    for (const dir of [root, ...['partners', 'grants', 'costs'].map((d) => join(root, d))]) chmodSync(dir, 0o755);
    // As root, permission bits do not stop anything: run as an unprivileged user, as a person would.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(TSX, [REPORT, '--root', root, '--as-of', '2026-11-20', '--out', out], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, HOME: parent }, ...asUser });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write the reports: ${join(out, 'partners')} is read-only; make it writable (chmod u+w) or choose another --out`);
    chmodSync(join(out, 'partners'), 0o755);
  });
});

describe('an interrupted report (item 4)', () => {
  // The old set (as of 2026-10-15) and the new one (as of 2026-11-24), made once.
  const root = sampleCopy(true);
  const oldSet = join(tempDir(), 'old');
  const newSet = join(tempDir(), 'new');
  let typicalMs = 0;
  const prepare = () => {
    if (typicalMs) return;
    expect(report(root, '2026-10-15', oldSet).code).toBe(0);
    const started = Date.now();
    expect(report(root, '2026-11-24', newSet).code).toBe(0);
    typicalMs = Date.now() - started;
  };

  /** Runs report into a fresh copy of the old set and stops it with `signal` after `delayMs`. */
  async function interrupted(signal: NodeJS.Signals, delayMs: number): Promise<string> {
    const parent = tempDir();
    const out = join(parent, 'reports');
    cpSync(oldSet, out, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', REPORT, '--root', root, '--as-of', '2026-11-24', '--out', out], { cwd: REPO_ROOT, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    await new Promise((r) => setTimeout(r, delayMs));
    child.kill(signal);
    await exited;
    return out;
  }

  const leftovers = (out: string) => readdirSync(join(out, '..')).filter((n) => n !== 'reports');

  it('leaves exactly the old set or the new set, and nothing else, at 10 random moments', async () => {
    prepare();
    const [before, after] = [readTree(oldSet), readTree(newSet)];
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 20261125;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const out = await interrupted(i % 2 ? 'SIGTERM' : 'SIGINT', Math.round(random() * typicalMs * 1.2));
      const got = readTree(out);
      const which = JSON.stringify(got) === JSON.stringify(before) ? 'old' : JSON.stringify(got) === JSON.stringify(after) ? 'new' : 'mixed';
      expect(which).not.toBe('mixed');
      expect(leftovers(out)).toEqual([]);
      seen.add(which);
    }
    // Over ten moments from start to finish, both outcomes happen: the test really interrupts both phases.
    expect([...seen].sort()).toEqual(['new', 'old']);
  }, 120_000);

  it('after a kill -9, the folder is still whole and the next run cleans up', async () => {
    prepare();
    const out = await interrupted('SIGKILL', Math.round(typicalMs * 0.6));
    expect([readTree(oldSet), readTree(newSet)].map((t) => JSON.stringify(t))).toContain(JSON.stringify(readTree(out)));
    expect(report(root, '2026-11-24', out).code).toBe(0);
    expect(readTree(out)).toEqual(readTree(newSet));
    expect(leftovers(out)).toEqual([]);
  }, 60_000);

  it('two runs at once into one folder both finish, leaving the whole new set', async () => {
    prepare();
    const parent = tempDir();
    const out = join(parent, 'reports');
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', REPORT, '--root', root, '--as-of', '2026-11-24', '--out', out], { cwd: REPO_ROOT, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(readTree(out)).toEqual(readTree(newSet));
    expect(leftovers(out)).toEqual([]);
  }, 60_000);
});

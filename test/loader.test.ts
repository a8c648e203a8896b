/** Faults of bytes and files: each is a located problem, never a crash, and loses nothing else. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { loadFiles } from '../scripts/lib/load/index.js';
import { FolderSource, rootJoiner, type SourceEntry } from '../scripts/lib/load/source.js';
import { spawnCli } from './helpers/cli.js';
import { fixtureCopy, tempDir } from './helpers/fixtures.js';

const USAGE = 'partners/alpha/usage.yaml';
const CONTRACT = 'partners/alpha/contracts/alpha-2025.yaml';

async function run(root: string) {
  const { problems } = await checkData(new FolderSource(root), { asOf: '2026-01-01' });
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);
}

function write(root: string, path: string, data: string | Buffer) {
  writeFileSync(join(root, path), data);
}

describe('loader faults', () => {
  it('a BOM is reported and the file is still read', async () => {
    const root = fixtureCopy('base');
    const text = readFileSync(join(root, CONTRACT), 'utf8').replace('status: active', 'status: actve');
    write(root, CONTRACT, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(await run(root)).toEqual([`${CONTRACT}:1:1 file-encoding`, `${CONTRACT}:4:9 allowed-values`]);
  });

  it('invalid UTF-8 is located at the bad byte', async () => {
    const root = fixtureCopy('base');
    write(
      root,
      USAGE,
      Buffer.concat([
        Buffer.from('- { month: 2025-03, hub: alpha-hub, active_users: 40 }\n# caf'),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
    );
    expect(await run(root)).toEqual([`${USAGE}:2:6 file-encoding`]);
  });

  it('a NUL byte marks a binary file', async () => {
    const root = fixtureCopy('base');
    write(root, USAGE, Buffer.from('- { month: 2025-03,\0 hub: alpha-hub, active_users: 40 }\n'));
    expect(await run(root)).toEqual([`${USAGE}:1:20 file-encoding`]);
  });

  it('CRLF line endings are fine and lines still count right', async () => {
    const root = fixtureCopy('base');
    const text = readFileSync(join(root, CONTRACT), 'utf8')
      .replace('status: active', 'status: actve')
      .replace(/\n/g, '\r\n');
    write(root, CONTRACT, text);
    expect(await run(root)).toEqual([`${CONTRACT}:4:9 allowed-values`]);
  });

  it('symbolic links are reported, not followed', async () => {
    const root = fixtureCopy('base');
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), 'password: hunter2\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'partners/alpha/feedback.yaml.link'));
    symlinkSync(outside, join(root, 'grants/g1/linked'));
    expect(await run(root)).toEqual([
      'grants/g1/linked:1:1 file-type',
      'partners/alpha/feedback.yaml.link:1:1 file-type',
    ]);
  });

  it('a FIFO is not read', async () => {
    const root = fixtureCopy('base');
    execFileSync('mkfifo', [join(root, 'partners/alpha/usage.yaml.fifo')]);
    expect(await run(root)).toEqual(['partners/alpha/usage.yaml.fifo:1:1 file-type']);
  });

  it.each([20, 50])('a %i MB file answers at once with a located error', async (mb) => {
    const root = fixtureCopy('base');
    const line = '- { month: 2025-03, hub: alpha-hub, active_users: 40 }\n';
    write(root, USAGE, line.repeat(Math.ceil((mb * 1024 * 1024) / line.length)));
    const started = Date.now();
    expect(await run(root)).toEqual([`${USAGE}:1:1 file-too-large`]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('deep nesting is refused, not a stack overflow', async () => {
    const root = fixtureCopy('base');
    write(root, USAGE, '['.repeat(5_000) + ']'.repeat(5_000) + '\n');
    const found = await run(root);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^partners\/alpha\/usage\.yaml:1:\d+ yaml-syntax$/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused and pollutes nothing', async (key) => {
    const root = fixtureCopy('base');
    write(
      root,
      'partners/alpha/feedback.yaml',
      `- { survey: s1, date: 2025-03-28, score: 9, ${key}: { polluted: yes } }\n- { survey: s1, date: ` +
        `2025-03-28, score: 8 }\n`,
    );
    write(root, 'partners/alpha/usage.yaml', `${key}:\n  polluted: yes\n`);
    expect(await run(root)).toEqual([
      'partners/alpha/feedback.yaml:1:45 unsafe-key',
      'partners/alpha/usage.yaml:1:1 unsafe-key',
      'partners/alpha/usage.yaml:1:1 value-type',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a source read file by file at once (readNow) loads as one read through promises does', async () => {
    const root = fixtureCopy('base');
    write(root, 'partners/alpha/notes.txt', 'not a record\n');
    write(root, USAGE, Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    symlinkSync(join(root, CONTRACT), join(root, 'partners/alpha/contracts/linked.yaml'));
    const folder = new FolderSource(root);
    // The same folder through read() alone, as a git revision is read.
    const promised = { label: root, list: () => folder.list(), read: (path: string) => folder.read(path) };
    // Everything but the locators (functions, compared by what they answer in the other tests).
    const shown = ({ files, problems, paths }: Awaited<ReturnType<typeof loadFiles>>) => ({
      files: files.map(({ positions: _, ...file }) => file),
      problems,
      paths,
    });
    const now = shown(await loadFiles(folder));
    expect(now.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'partners/alpha/contracts/linked.yaml:1:1 file-type',
      'partners/alpha/notes.txt:1:1 unknown-file',
      `${USAGE}:1:3 file-encoding`,
    ]);
    expect(now).toEqual(shown(await loadFiles(promised)));
  });

  describe('a file changed between the listing and its read', () => {
    /** A folder changed by `change` once it has been listed, before any file is read. */
    class ChangedAfterListing extends FolderSource {
      constructor(
        root: string,
        private readonly change: () => void,
      ) {
        super(root);
      }
      async list(): Promise<SourceEntry[]> {
        const listed = await super.list();
        this.change();
        return listed;
      }
    }
    const load = (root: string, change: () => void) => loadFiles(new ChangedAfterListing(root, change));
    const found = (problems: { file: string; line: number; column: number; rule: string }[]) =>
      problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);

    it('gone: not data, and not a listed path', async () => {
      const root = fixtureCopy('base');
      const loaded = await load(root, () => rmSync(join(root, USAGE)));
      expect(found(loaded.problems)).toEqual([]);
      expect(loaded.paths.has(USAGE)).toBe(false);
      expect(loaded.files.map((f) => f.path)).not.toContain(USAGE);
    });

    it('now a symbolic link: reported, not followed', async () => {
      const root = fixtureCopy('base');
      const outside = tempDir();
      writeFileSync(join(outside, 'secret.yaml'), 'password: hunter2\n');
      const loaded = await load(root, () => {
        rmSync(join(root, USAGE));
        symlinkSync(join(outside, 'secret.yaml'), join(root, USAGE));
      });
      expect(found(loaded.problems)).toEqual([`${USAGE}:1:1 file-type`]);
      expect(loaded.problems[0].message).toMatch(/symbolic link/);
      expect(loaded.files.map((f) => f.path)).not.toContain(USAGE);
    });

    it('now a FIFO: reported, never waited on', async () => {
      const root = fixtureCopy('base');
      const loaded = await load(root, () => {
        rmSync(join(root, USAGE));
        execFileSync('mkfifo', [join(root, USAGE)]);
      });
      expect(found(loaded.problems)).toEqual([`${USAGE}:1:1 file-type`]);
      expect(loaded.problems[0].message).toMatch(/not a regular file/);
    });

    it('now over 10 MiB: refused unread', async () => {
      const root = fixtureCopy('base');
      const loaded = await load(root, () => write(root, USAGE, Buffer.alloc(11 * 1024 * 1024, 0x20)));
      expect(found(loaded.problems)).toEqual([`${USAGE}:1:1 file-too-large`]);
      expect(loaded.problems[0].message).toMatch(/^the file is 11\.0 MiB/);
    });
  });

  it('README files and dotfiles in data folders are not records', async () => {
    const root = fixtureCopy('base');
    write(root, 'partners/README.md', '# Partners\n');
    write(root, 'partners/alpha/.DS_Store', 'x');
    expect(await run(root)).toEqual([]);
  });
});

describe('every bad input at once, through the command line', () => {
  it('gives located problems, exit 1, and no stack trace', () => {
    const root = fixtureCopy('base');
    write(root, CONTRACT, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(root, CONTRACT))]));
    write(root, 'partners/alpha/usage.yaml', Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    write(
      root,
      'partners/alpha/feedback.yaml',
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, ' +
        '*b, *b, *b, *b, *b, *b, *b]\n',
    );
    write(root, 'partners/alpha/cloud-costs.yaml', '['.repeat(10_000) + ']'.repeat(10_000));
    write(root, 'grants/g1/deliverables.yaml', '- id: x\n  __proto__: { polluted: 1 }\n\tkind: report\n');
    write(root, 'costs/recurring.yaml', '\0');
    symlinkSync('/etc/passwd', join(root, 'partners/beta/invoices.yaml'));
    execFileSync('mkfifo', [join(root, 'partners/beta/usage.yaml')]);
    const r = spawnCli('validate', ['--root', root, '--format', 'json', '--as-of', '2026-01-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { problems: { file: string; line: number; rule: string }[] };
    expect(new Set(out.problems.map((p) => p.file))).toEqual(
      new Set([
        CONTRACT,
        'partners/alpha/usage.yaml',
        'partners/alpha/feedback.yaml',
        'partners/alpha/cloud-costs.yaml',
        'grants/g1/deliverables.yaml',
        'costs/recurring.yaml',
        'partners/beta/invoices.yaml',
        'partners/beta/usage.yaml',
      ]),
    );
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('a folder source opens each listed path', () => {
  it('at the path join(root, path) gives, worked out without join for each', () => {
    const roots = ['.', './', '', '/', '/data/ops', '/data/ops/', 'ops', 'ops/', './a/./b/', 'a//b', 'a/../b', 'a/..'];
    const paths = ['ops.config.yaml', 'partners', 'partners/alpha/contracts/alpha-2025.yaml', 'costs/.hidden'];
    for (const root of [...roots, '../up', '//srv/x', tempDir()])
      for (const path of paths) expect(rootJoiner(root)(path), `${root} + ${path}`).toBe(join(root, path));
    expect(sep === '/' || rootJoiner('C:\\data')('partners') === join('C:\\data', 'partners')).toBe(true);
  });
});

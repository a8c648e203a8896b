/**
 * The data tree as it was at a git revision, read straight from git objects:
 * one `git ls-tree` for the listing and one long-lived `git cat-file --batch`
 * for the contents. The working tree and the index are never touched.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { ROOT_FILES, DATA_FOLDERS } from './layout.js';
import { SourceError, type DataSource, type EntryType, type SourceEntry } from './source.js';

interface TreeEntry extends SourceEntry {
  oid: string;
}

export class GitSource implements DataSource {
  private readonly git: SimpleGit;
  private entries?: Map<string, TreeEntry>;
  private batch?: BlobReader;
  private commit?: string;

  constructor(
    readonly root: string,
    readonly rev: string,
  ) {
    this.git = simpleGit({ baseDir: root });
  }

  get label(): string {
    return `git revision ${this.rev}`;
  }

  /** The full commit id the revision names. */
  async resolve(): Promise<string> {
    if (!this.commit) {
      try {
        this.commit = (await this.git.raw(['rev-parse', '--verify', '--quiet', `${this.rev}^{commit}`])).trim();
      } catch {
        this.commit = '';
      }
      if (!this.commit) throw new SourceError(`'${this.rev}' is not a revision of the git repository at ${this.root}`);
    }
    return this.commit;
  }

  async list(): Promise<SourceEntry[]> {
    const commit = await this.resolve();
    const prefix = (await this.git.revparse(['--show-prefix'])).trim();
    // `<commit>:<prefix>` is the data root's tree at that commit, so paths come out relative to the root.
    const out = await this.git.raw(['ls-tree', '-r', '-l', '-z', `${commit}:${prefix}`]);
    this.entries = new Map();
    for (const record of out.split('\0')) {
      const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
      if (!m) continue;
      const [, mode, kind, oid, size, path] = m;
      if (!ROOT_FILES.includes(path) && !DATA_FOLDERS.some((f) => path.startsWith(`${f}/`))) continue;
      const type: EntryType = mode === '120000' ? 'symlink' : kind === 'blob' ? 'file' : 'other';
      this.entries.set(path, { path, type, size: size === '-' ? 0 : Number(size), oid });
    }
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(path: string): Promise<Buffer> {
    const entry = this.entries?.get(path);
    if (!entry) throw new SourceError(`${path} is not in ${this.label}`);
    this.batch ??= new BlobReader(this.root);
    return this.batch.read(entry.oid);
  }

  /** Ends the cat-file process; the source can still be listed again. */
  close(): void {
    this.batch?.close();
    this.batch = undefined;
  }
}

/** Answers blob reads from one `git cat-file --batch`, in the order asked. */
class BlobReader {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private buffer = Buffer.alloc(0);

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (e: Error) => {
      for (const w of this.waiting.splice(0)) w.reject(new SourceError(`git cat-file failed: ${e.message}`));
    };
    this.proc.on('error', fail);
    this.proc.on('exit', (code) => code && fail(new Error(`exit ${code}`)));
  }

  read(oid: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.proc.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end();
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const eol = this.buffer.indexOf(10);
      if (eol === -1) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      const m = /^[0-9a-f]+ \w+ (\d+)$/.exec(header);
      if (!m) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.waiting.shift()!.reject(new SourceError(`git cat-file: ${header}`));
        continue;
      }
      const size = Number(m[1]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const body = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.waiting.shift()!.resolve(body);
    }
  }
}

/**
 * Where the data comes from: a folder on disk here, a git revision later.
 * Both list the same paths (relative, forward slashes) and read bytes.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type Kinds } from '../model/kinds.js';
import { dataFolders, rootFiles } from './layout.js';

export type EntryType = 'file' | 'symlink' | 'other';

export interface SourceEntry {
  path: string;
  type: EntryType;
  size: number;
}

export interface DataSource {
  /** Shown in reports: which data this is (a folder, or a revision). */
  readonly label: string;
  /** The record files and anything else in the data folders, sorted by path. */
  list(): Promise<SourceEntry[]>;
  read(path: string): Promise<Buffer>;
  /** Releases what reading needed (a git process); called once loading is done. */
  close?(): void;
}

/** A fault of the source itself (missing root, unreadable folder): exit 2, not a data problem. */
export class SourceError extends Error {}

export class FolderSource implements DataSource {
  constructor(
    readonly root: string,
    private readonly kinds: Kinds = KINDS,
  ) {}

  get label(): string {
    return this.root;
  }

  list(): Promise<SourceEntry[]> {
    const rootStat = lstatOrUndefined(this.root);
    if (!rootStat?.isDirectory())
      throw new SourceError(`the data folder ${this.root} does not exist or is not a folder`);
    const entries: SourceEntry[] = [];
    for (const file of rootFiles(this.kinds)) {
      const entry = this.entry(file);
      if (entry) entries.push(entry);
    }
    for (const folder of dataFolders(this.kinds)) this.walk(folder, entries);
    return Promise.resolve(entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }

  // Synchronous on purpose: for thousands of small files it is several times
  // faster than the promise API, and a command has nothing else to do meanwhile.
  read(path: string): Promise<Buffer> {
    return Promise.resolve(readFileSync(join(this.root, path)));
  }

  private entry(path: string): SourceEntry | undefined {
    const s = lstatOrUndefined(join(this.root, path));
    if (!s) return undefined;
    const type: EntryType = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : 'other';
    return { path, type, size: s.size };
  }

  private walk(dir: string, out: SourceEntry[]): void {
    let names: string[];
    try {
      const s = lstatSync(join(this.root, dir));
      // A symlinked data folder is reported like any symlink, never followed out of the root.
      if (!s.isDirectory()) {
        out.push({ path: dir, type: s.isSymbolicLink() ? 'symlink' : 'other', size: 0 });
        return;
      }
      names = readdirSync(join(this.root, dir));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new SourceError(`cannot read the folder ${dir}: ${(e as Error).message}`);
    }
    for (const name of names.sort()) {
      const path = `${dir}/${name}`;
      // Gone since the folder was listed (another command's temporary file, renamed into place): not data.
      const s = lstatOrUndefined(join(this.root, path));
      if (!s) continue;
      if (s.isDirectory()) this.walk(path, out);
      else out.push({ path, type: s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : 'other', size: s.size });
    }
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

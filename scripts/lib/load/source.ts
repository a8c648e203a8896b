/**
 * Where the data comes from: a folder on disk here, a git revision later.
 * Both list the same paths (relative, forward slashes) and read bytes.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { KINDS, type Kinds } from '../model/kinds.js';
import { dataFolders, rootFiles } from './layout.js';

export type EntryType = 'file' | 'symlink' | 'other';

export interface SourceEntry {
  path: string;
  type: EntryType;
  /** Known from the listing (a git tree); a folder's files are sized as they are opened (see read). */
  size?: number;
}

/** Files larger than this are refused unread: no real record file comes near it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * A listed file that read() refused: larger than MAX_FILE_BYTES, or no longer
 * a regular file when opened (replaced by a link or a FIFO since the listing).
 */
export class NotRead extends Error {
  constructor(
    readonly reason: 'too-large' | EntryType,
    readonly size = 0,
  ) {
    super(`not read: ${reason}`);
  }
}

export interface DataSource {
  /** Shown in reports: which data this is (a folder, or a revision). */
  readonly label: string;
  /** The record files and anything else in the data folders, sorted by path. */
  list(): Promise<SourceEntry[]>;
  /** A listed file's bytes; throws NotRead for a file it refuses, an ENOENT error for one gone since the listing. */
  read(path: string): Promise<Buffer>;
  /**
   * read() answered at once, offered by a source that reads synchronously (a folder): loading then makes no
   * promise and waits no turn per file (thousands of them).
   */
  readNow?(path: string): Buffer;
  /** Releases what reading needed (a git process); called once loading is done. */
  close?(): void;
}

/** A fault of the source itself (missing root, unreadable folder): exit 2, not a data problem. */
export class SourceError extends Error {}

export class FolderSource implements DataSource {
  /** join(root, path) for a path of the listing. */
  private readonly full: (path: string) => string;

  constructor(
    readonly root: string,
    private readonly kinds: Kinds = KINDS,
  ) {
    this.full = rootJoiner(root);
  }

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
  // The size comes from the open file (as readFileSync's own fstat), not from a
  // stat per file while listing: a huge file is still refused before it is read.
  read(path: string): Promise<Buffer> {
    return Promise.resolve(this.readNow(path));
  }

  readNow(path: string): Buffer {
    // Never through a link, and never waiting on a FIFO: either may have replaced the file since the listing.
    let fd: number;
    try {
      fd = openSync(this.full(path), constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRead('symlink');
      throw e;
    }
    try {
      const s = fstatSync(fd);
      if (!s.isFile()) throw new NotRead('other');
      if (s.size > MAX_FILE_BYTES) throw new NotRead('too-large', s.size);
      return readAll(fd, s.size);
    } finally {
      closeSync(fd);
    }
  }

  private entry(path: string): SourceEntry | undefined {
    const s = lstatOrUndefined(this.full(path));
    if (!s) return undefined;
    const type: EntryType = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : 'other';
    return { path, type, size: s.size };
  }

  /** `listed`: the folder's parent listed it as a folder (not a link), so it need not be looked at again. */
  private walk(dir: string, out: SourceEntry[], listed = false): void {
    let dirents: Dirent[];
    try {
      if (!listed) {
        const s = lstatSync(this.full(dir));
        // A symlinked data folder is reported like any symlink, never followed out of the root.
        if (!s.isDirectory()) {
          out.push({ path: dir, type: s.isSymbolicLink() ? 'symlink' : 'other', size: 0 });
          return;
        }
      }
      // The entries' types come with the listing (no lstat per file or folder); read() sizes each file as it
      // opens it.
      dirents = readdirSync(this.full(dir), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new SourceError(`cannot read the folder ${dir}: ${(e as Error).message}`);
    }
    for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${dir}/${d.name}`;
      if (d.isDirectory()) this.walk(path, out, true);
      else out.push({ path, type: d.isSymbolicLink() ? 'symlink' : d.isFile() ? 'file' : 'other' });
    }
  }
}

/**
 * join(root, path) for a path of the listing (a data folder or file name, then names read from folders: forward
 * slashes, no '.' or '..' part), without normalising each of the ~7,000 paths opened or listed at 1,000 partners
 * again: what join puts before such a path is worked out once. The same text (a test holds the two together);
 * on Windows, join itself (it turns the slashes round).
 */
export function rootJoiner(root: string): (path: string) => string {
  if (sep !== '/') return (path) => join(root, path);
  const r = normalize(root);
  const prefix = r === '.' || r === './' ? '' : r.endsWith('/') ? r : `${r}/`;
  return (path) => prefix + path;
}

// Absent on Windows (0: no such flag there).
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

/** The whole of an open file of `size` bytes (less if it shrank meanwhile). */
function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, null);
    if (n === 0) break;
    read += n;
  }
  return read < size ? bytes.subarray(0, read) : bytes;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

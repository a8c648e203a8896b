/**
 * Where the reports may go, decided before anything is written: never into
 * the data or above it, never over Markdown the reports did not write
 * (except in the data's own reports/ folder, where it is kept), never into a
 * busy folder that holds no earlier report run, and only where every folder
 * the swap touches is writable. The folder remembers what the reports wrote
 * in a manifest (`.generated`); only files listed there are ever replaced or
 * removed (report-files.ts).
 */
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Interrupted, isStaleTempFile } from './atomic.js';

export class ReportWriteError extends Error {}

export const MANIFEST = '.generated';

/** The folders a report may not be written into: the data and its folders. */
export interface OutputRules {
  /** The data root. */
  root: string;
  /** Folders of records under the root (partners, grants, costs). */
  dataFolders: readonly string[];
  /** The data's own reports folder: foreign Markdown there is kept rather than refused. */
  reportsFolder: string;
}

/**
 * The folder the reports will be written to (links resolved, so a linked
 * folder is written where it points and the link stays), after every check
 * that can refuse it. Writes nothing: run it before reading the data, so a
 * wrong --out is refused at once; writeReports checks again under the lock.
 */
export function outputFolder(outDir: string, rules: OutputRules): string {
  try {
    return checkedOutput(outDir, rules);
  } catch (e) {
    throw explained(e, resolve(outDir));
  }
}

export function checkedOutput(outDir: string, rules: OutputRules): string {
  const out = placedOutput(outDir, rules);
  readOld(out, rules);
  checkWritable(out);
  return out;
}

/**
 * The folder the reports will be written to, refused only if it is in the data: what the folder holds and whether
 * it is writable are for the caller to check, as writeReports does under its lock.
 */
export function placedOutput(outDir: string, rules: OutputRules): string {
  const out = realPath(outDir, '--out');
  refuseDataFolders(out, rules);
  return out;
}

/** A file system error as one plain sentence naming the folder. */
export function explained(e: unknown, out: string): unknown {
  if (e instanceof ReportWriteError || e instanceof Interrupted || !(e instanceof Error)) return e;
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'it is not writable' : err.message;
  return new ReportWriteError(`cannot write the reports to ${out}: ${why}`);
}

/** `path` with every link resolved, also when its last parts do not exist yet. */
function realPath(path: string, option?: string): string {
  const abs = resolve(path);
  const rest: string[] = [];
  let existing = abs;
  for (;;) {
    if (existsSync(existing)) break;
    if (isLink(existing))
      throw new ReportWriteError(
        `${option ? `${option} ` : ''}${existing} is a link to a folder that does not exist; create it or ` +
          `choose another folder`,
      );
    const up = dirname(existing);
    if (up === existing) return abs;
    rest.unshift(basename(existing));
    existing = up;
  }
  return join(realpathSync(existing), ...rest);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function refuseDataFolders(out: string, rules: OutputRules): void {
  const root = realPath(rules.root);
  const inside = (folder: string) => out === folder || out.startsWith(folder + sep);
  if (dirname(out) === out)
    throw new ReportWriteError(
      `--out ${out} is the top of the file system; choose a folder of its own for the reports`,
    );
  if (out === root)
    throw new ReportWriteError(
      `--out ${out} is the data folder itself; write the reports to its reports/ folder or to a folder of their own`,
    );
  if (root.startsWith(out + sep))
    throw new ReportWriteError(`--out ${out} holds the data (${root}); choose a folder of its own for the reports`);
  for (const f of rules.dataFolders) {
    if (inside(join(root, f)))
      throw new ReportWriteError(
        `--out ${out} is inside the data (${f}/), where every file must be a record; choose a folder of its ` +
          `own for the reports`,
      );
  }
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new ReportWriteError(`--out ${out} is a file, not a folder; choose a folder for the reports`);
}

export interface OldSet {
  exists: boolean;
  /** The files the report wrote last time (from the manifest), that exist. */
  ours: string[];
  /** Every other file (and empty folder, ending in '/'), kept as it is. */
  kept: string[];
}

export function readOld(out: string, rules: OutputRules): OldSet {
  if (!existsSync(out)) return { exists: false, ours: [], kept: [] };
  const listed = new Set(readManifest(out));
  // A writer's temporary file whose process is gone is debris: it is not carried over, so it goes with the old set.
  const all = listFiles(out).filter((p) => p !== MANIFEST && !isStaleTempFile(basename(p)));
  // A report written before manifests existed is known by its own header line.
  const isOurs = (p: string) => listed.has(p) || (p.endsWith('.md') && hasGeneratedHeader(join(out, p)));
  const ours = all.filter(isOurs);
  const kept = all.filter((p) => !isOurs(p));
  const configured = out === realPath(rules.reportsFolder);
  const foreignMarkdown = kept.filter((p) => p.endsWith('.md'));
  if (foreignMarkdown.length && !configured) {
    throw new ReportWriteError(
      `--out ${out} already holds Markdown that the reports did not write (${listSome(foreignMarkdown)}); ` +
        `nothing was written. Choose an empty or new folder, or the folder of an earlier report run`,
    );
  }
  // Any other folder is taken over only when it is empty or holds an earlier report run (its manifest):
  // never a busy folder such as /tmp or a home folder, whose other files and users the swap would disturb.
  if (kept.length && !configured && !existsSync(join(out, MANIFEST))) {
    throw new ReportWriteError(
      `--out ${out} is not empty and holds no earlier reports (${listSome(kept)}); nothing was written. ` +
        `Choose an empty or new folder`,
    );
  }
  const special = kept.filter((p) => !p.endsWith('/') && !lstatSync(join(out, p)).isFile());
  if (special.length)
    throw new ReportWriteError(
      `--out ${out} holds links or special files (${listSome(special)}) that could not be kept; nothing was ` +
        `written. Move them elsewhere first`,
    );
  return { exists: true, ours, kept };
}

/** The line every report carries near its top. */
const GENERATED = 'Generated by `npm run report`; do not edit.';

function hasGeneratedHeader(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').slice(0, 2000).includes(GENERATED);
  } catch {
    return false;
  }
}

function readManifest(out: string): string[] {
  try {
    return readFileSync(join(out, MANIFEST), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Every file below `dir` (and every empty folder, ending in '/'), as relative paths with forward slashes. */
function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    const entries = readdirSync(join(dir, sub), { withFileTypes: true });
    if (sub && entries.length === 0) found.push(`${sub}/`);
    for (const e of entries) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** `dir` and every folder below it. */
export function foldersIn(dir: string): string[] {
  const found = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory()) found.push(...foldersIn(join(dir, e.name)));
  return found;
}

/**
 * Fails, naming the folder, when any folder the swap touches is not writable: the parent (or the folder it will be
 * made in), the folder and its subfolders.
 */
export function checkWritable(out: string): void {
  let base = dirname(out);
  while (!existsSync(base)) base = dirname(base);
  if (!statSync(base).isDirectory())
    throw new ReportWriteError(
      `cannot write the reports to ${out}: ${base} is a file, not a folder; choose another --out`,
    );
  const folders = [base, ...(existsSync(out) ? foldersIn(out) : [])];
  for (const folder of folders) {
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      throw new ReportWriteError(
        `cannot write the reports: ${folder} is read-only; make it writable (chmod u+w) or choose another --out`,
      );
    }
  }
}

/** At most five paths, then how many more. */
export const listSome = (paths: string[]) =>
  paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', ');

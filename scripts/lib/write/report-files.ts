/**
 * Writes the report set so that no byte of anyone's data is lost and the
 * folder is always either the old set or the new one:
 *
 * - The folder remembers what it wrote in a manifest (`.generated`). Only
 *   files listed there are ever replaced or removed. A folder holding other
 *   Markdown (a handbook, a person's notes, the data) is refused, unless it
 *   is the data's own reports/ folder, where such files are kept.
 * - The whole set is rendered into a staging folder beside the target, then
 *   swapped in with two renames that no Ctrl-C can separate. An interrupt
 *   while rendering removes the staging folder and releases the lock before
 *   the command ends (exit 130 or 143); leftovers of a killed run are cleaned
 *   up (or, between the two renames, put back) by the next run.
 */
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { link, lstat, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  Interrupted,
  Interruptible,
  isAlive,
  isStaleTempFile,
  uninterrupted,
  flushFolder,
  withLock,
} from './atomic.js';

export class ReportWriteError extends Error {}

export const MANIFEST = '.generated';

/** How many report files may be being written while the next ones render. */
const WRITES_AHEAD = 32;

export interface WriteSummary {
  changed: string[];
  added: string[];
  removed: string[];
  unchanged: number;
}

/** The folders a report may not be written into: the data and its folders. */
export interface OutputRules {
  /** The data root. */
  root: string;
  /** Folders of records under the root (partners, grants, costs). */
  dataFolders: readonly string[];
  /** The data's own reports folder: foreign Markdown there is kept rather than refused. */
  reportsFolder: string;
}

/** A second run waits this long for the first: rendering 10,000 partners' pages takes about half a minute. */
const LOCK_TIMEOUT_MS = 5 * 60_000;

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

/**
 * Writes the set into `outDir`, replacing the previous one at once. Throws Interrupted after SIGINT/SIGTERM/SIGHUP,
 * having undone everything.
 */
export async function writeReports(
  outDir: string,
  files: Iterable<[string, string]>,
  rules: OutputRules,
): Promise<WriteSummary> {
  const interrupt = new Interruptible();
  let out = resolve(outDir);
  try {
    out = checkedOutput(outDir, rules);
    return await swapIn(out, files, rules, interrupt);
  } catch (e) {
    throw explained(e, out);
  } finally {
    interrupt.dispose();
  }
}

function checkedOutput(outDir: string, rules: OutputRules): string {
  const out = realPath(outDir, '--out');
  refuseDataFolders(out, rules);
  readOld(out, rules);
  checkWritable(out);
  return out;
}

/** A file system error as one plain sentence naming the folder. */
function explained(e: unknown, out: string): unknown {
  if (e instanceof ReportWriteError || e instanceof Interrupted || !(e instanceof Error)) return e;
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'it is not writable' : err.message;
  return new ReportWriteError(`cannot write the reports to ${out}: ${why}`);
}

async function swapIn(
  out: string,
  files: Iterable<[string, string]>,
  rules: OutputRules,
  interrupt: Interruptible,
): Promise<WriteSummary> {
  const parent = dirname(out);
  const name = basename(out);
  mkdirSync(parent, { recursive: true });
  return withLock(
    join(parent, `.${name}.lock`),
    async () => {
      // Holding the lock: from here a signal must not end the process before the staging folder and the lock are gone.
      interrupt.hold();
      recover(parent, name);
      const old = readOld(out, rules);
      checkWritable(out);
      const staging = join(parent, `.${name}.staging-${process.pid}`);
      try {
        mkdirSync(staging);
        const written: string[] = [];
        // The staging folder is ours alone until the swap: plain writes, flushed once below. A page the same as
        // the old set's is hard-linked from it instead (no bytes written, and removing the old set then frees
        // nothing); pages are compared, written and linked in the background (libuv's threads) while the next
        // ones render, WRITES_AHEAD at most at a time.
        const made = new Set<string>();
        const previous = new Set(old.ours);
        const unchanged = new Set<string>();
        const stage = async (path: string, content: string) => {
          const [from, target] = [join(out, path), join(staging, path)];
          const same = previous.has(path) && (await holds(from, content));
          if (same) {
            unchanged.add(path);
            try {
              await link(from, target);
              return;
            } catch {
              // A file system without hard links: the page is written.
            }
          }
          await writeFile(target, content);
        };
        let staged: Promise<void>[] = [];
        let before: Promise<void>[] = [];
        let failed: { error: unknown } | undefined;
        const settled = async (batch: Promise<void>[]) => {
          await Promise.all(batch);
          if (failed) throw failed.error;
        };
        try {
          for (const [path, content] of files) {
            const folder = dirname(join(staging, path));
            if (!made.has(folder)) {
              mkdirSync(folder, { recursive: true });
              made.add(folder);
            }
            // Caught at once (no unhandled rejection), thrown at the next wait.
            staged.push(stage(path, content).catch((error: unknown) => void (failed ??= { error })));
            written.push(path);
            if (staged.length < WRITES_AHEAD) continue;
            await settled(before);
            [before, staged] = [staged, []];
            // Rendering is synchronous: this is where a Ctrl-C gets through.
            await interrupt.checkpoint();
          }
          await settled([...before, ...staged]);
        } finally {
          // Nothing may still be writing into the staging folder when it is flushed or removed.
          await Promise.all([...before, ...staged]);
        }
        written.sort();
        writeFileSync(join(staging, MANIFEST), written.map((p) => `${p}\n`).join(''));
        flushFolder(staging, [...written, MANIFEST]);
        const names = new Set(written);
        const clash = old.kept.find((p) => names.has(p));
        if (clash)
          throw new ReportWriteError(
            `${join(out, clash)} was not written by the report (it has no 'Generated by' line), and a report ` +
              `of that name would replace it; nothing was written. Move it elsewhere first`,
          );
        const summary = summarize(old, written, unchanged);
        if (old.exists) keepFolderModes(out, staging);
        await interrupt.checkpoint();
        await uninterrupted(() => {
          // Files in the folder that the report did not write (a .gitkeep, a person's notes) move along.
          for (const path of old.kept) carryOver(out, staging, path);
          const retired = join(parent, `.${name}.old-${process.pid}`);
          if (old.exists) renameSync(out, retired);
          renameSync(staging, out);
          try {
            rmSync(retired, { recursive: true, force: true });
          } catch {
            // The new set is in place; the next run removes what is left of the old one.
          }
        });
        return summary;
      } catch (e) {
        rmSync(staging, { recursive: true, force: true });
        throw e;
      }
    },
    { what: `the reports in ${out}`, timeoutMs: LOCK_TIMEOUT_MS },
  );
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

interface OldSet {
  exists: boolean;
  /** The files the report wrote last time (from the manifest), that exist. */
  ours: string[];
  /** Every other file (and empty folder, ending in '/'), kept as it is. */
  kept: string[];
}

function readOld(out: string, rules: OutputRules): OldSet {
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
function foldersIn(dir: string): string[] {
  const found = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory()) found.push(...foldersIn(join(dir, e.name)));
  return found;
}

/**
 * Fails, naming the folder, when any folder the swap touches is not writable: the parent (or the folder it will be
 * made in), the folder and its subfolders.
 */
function checkWritable(out: string): void {
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

/** Removes what killed runs left beside the folder; puts the old set back if a run died between its two renames. */
function recover(parent: string, name: string): void {
  const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`);
  for (const entry of readdirSync(parent)) {
    const m = leftover.exec(entry);
    if (!m || isAlive(Number(m[2]))) continue;
    const path = join(parent, entry);
    if (m[1] === 'old' && !existsSync(join(parent, name))) renameSync(path, join(parent, name));
    else rmSync(path, { recursive: true, force: true });
  }
}

/** The new folders get the permissions of the ones they replace (a group-writable shared folder stays so). */
function keepFolderModes(out: string, staging: string): void {
  for (const folder of foldersIn(staging)) {
    const before = join(out, folder.slice(staging.length));
    if (existsSync(before)) chmodSync(folder, statSync(before).mode & 0o7777);
  }
}

/** Puts a file the report did not write into the new set: a second name for the same bytes where possible. */
function carryOver(out: string, staging: string, path: string): void {
  const target = join(staging, path);
  if (path.endsWith('/')) {
    mkdirSync(target, { recursive: true });
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(join(out, path), target);
  } catch {
    copyFileSync(join(out, path), target);
  }
}

/** True when `path` is a regular file holding exactly `content` (a link someone put in its place is not one). */
async function holds(path: string, content: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile() && (await readFile(path, 'utf8')) === content;
  } catch {
    return false;
  }
}

function summarize(old: OldSet, written: string[], unchanged: ReadonlySet<string>): WriteSummary {
  const before = new Set(old.ours);
  const now = new Set(written);
  const summary: WriteSummary = { changed: [], added: [], removed: old.ours.filter((p) => !now.has(p)), unchanged: 0 };
  for (const path of written) {
    if (!before.has(path)) summary.added.push(path);
    else if (unchanged.has(path)) summary.unchanged++;
    else summary.changed.push(path);
  }
  return summary;
}

const listSome = (paths: string[]) =>
  paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', ');

/** "3 changed (README.md, …), 1 new (…), 1 removed (…), 18 unchanged". */
export function describeSummary(s: WriteSummary): string {
  const parts = [
    s.changed.length ? `${s.changed.length} changed (${listSome(s.changed)})` : '',
    s.added.length ? `${s.added.length} new (${listSome(s.added)})` : '',
    s.removed.length ? `${s.removed.length} removed (${listSome(s.removed)})` : '',
    `${s.unchanged} unchanged`,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * Writes the report set so that no byte of anyone's data is lost and the
 * folder is always either the old set or the new one, into a folder
 * output-folder.ts has accepted:
 *
 * - The whole set is rendered into a staging folder beside the target, then
 *   swapped in with two renames that no Ctrl-C can separate. An interrupt
 *   while rendering removes the staging folder and releases the lock before
 *   the command ends (exit 130 or 143); leftovers of a killed run are cleaned
 *   up (or, between the two renames, put back) by the next run.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { link, lstat, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Interruptible, isAlive, uninterrupted, flushFolder, withLock } from './atomic.js';
import {
  checkedOutput,
  checkWritable,
  explained,
  foldersIn,
  listSome,
  MANIFEST,
  readOld,
  ReportWriteError,
  type OldSet,
  type OutputRules,
} from './output-folder.js';

/** How many report files may be being written while the next ones render. */
const WRITES_AHEAD = 32;

export interface WriteSummary {
  changed: string[];
  added: string[];
  removed: string[];
  unchanged: number;
}

/** A second run waits this long for the first: rendering 10,000 partners' pages takes about half a minute. */
const LOCK_TIMEOUT_MS = 5 * 60_000;

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

/**
 * The three things every command that writes needs so that it never loses a
 * byte: an exclusive lock file (one writer at a time, with a timeout and
 * stale-lock recovery), a critical section that an interrupt (Ctrl-C, a CI
 * cancel) cannot cut in half, and a file write that is a temporary file,
 * flushed to disk, renamed over the target.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join } from 'node:path';

export class LockTimeout extends Error {}

export interface LockOptions {
  /** How long to wait for another writer to finish (ms). */
  timeoutMs?: number;
  /** What the waiter is told the lock protects, e.g. "the data files". */
  what?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** True when a process with this id is running (on this machine). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` holding the lock file `lockPath` (created with O_EXCL, holding
 * our pid). A lock left by a process that is no longer running is taken
 * over; a live one is waited for, up to the timeout.
 */
export async function withLock<T>(lockPath: string, fn: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  let delay = 10;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw e;
    }
    const holder = Number(readOrEmpty(lockPath).trim());
    // An empty lock file is one being written this instant: wait for it like a live one.
    if (holder && !isAlive(holder)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() - started > timeout) {
      throw new LockTimeout(
        `another command (process ${holder || 'unknown'}) has been writing ${options.what ?? 'these files'} ` +
          `for over ${Math.round(timeout / 1000)} s; ` +
          `nothing was written. Try again when it has finished (if no such command is running, delete ${lockPath})`,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `fn` with SIGINT, SIGTERM and SIGHUP held back: a signal that arrives
 * meanwhile ends the process right after `fn` finishes, so a set of renames
 * is never left half done. Keep `fn` short (renames, not rendering).
 */
export async function uninterrupted<T>(fn: () => Promise<T> | T): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const s of SIGNALS) process.on(s, hold);
  try {
    return await fn();
  } finally {
    for (const s of SIGNALS) process.off(s, hold);
    if (received) process.kill(process.pid, received);
  }
}

/** Thrown at a checkpoint after SIGINT, SIGTERM or SIGHUP: unwind, undo, then end with `exitCode`. */
export class Interrupted extends Error {
  /** The shell's convention: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted (${signal})`);
    this.name = 'Interrupted';
    this.exitCode = 128 + (osConstants.signals[signal] ?? 0);
  }
}

/**
 * Lets long work that can be abandoned (rendering into a staging folder)
 * stop cleanly on SIGINT, SIGTERM or SIGHUP. Until `hold()`, a signal ends
 * the process at once, as it would anyway: there is nothing to undo yet
 * (e.g. while waiting for a lock). From `hold()` on, a signal is only
 * recorded, and the next `checkpoint()` throws Interrupted, so the work's own
 * catch and finally blocks (removing the staging folder, releasing the lock)
 * run before the command ends. Keep it listening across `uninterrupted`
 * sections inside it: a signal they hold back and raise again is then
 * recorded here instead of killing a process that still holds a lock.
 *
 * Signals reach JavaScript only between turns of the event loop: work that
 * runs synchronously must await `checkpoint()` between its steps.
 */
export class Interruptible {
  private received: NodeJS.Signals | undefined;
  private holding = false;
  private readonly listener = (signal: NodeJS.Signals) => {
    if (!this.holding) process.exit(new Interrupted(signal).exitCode);
    this.received ??= signal;
  };

  constructor() {
    for (const s of SIGNALS) process.on(s, this.listener);
  }

  /** From now on there is something to undo: record signals rather than exit. */
  hold(): void {
    this.holding = true;
  }

  /** Lets a pending signal arrive, and throws Interrupted if one has. */
  async checkpoint(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.received) throw new Interrupted(this.received);
  }

  /** Stops listening: signals have their default effect again. */
  dispose(): void {
    for (const s of SIGNALS) process.off(s, this.listener);
  }
}

/** The temporary name a file is written under before the rename: hidden, so no loader or report lists it. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/**
 * Puts the files below `dir` on disk before they are renamed into place: one
 * syncfs of the whole file system (`sync -f`), which for a thousand report
 * pages is far cheaper than a thousand fsyncs; each file's own fsync where
 * `sync` is missing or fails.
 */
export function flushFolder(dir: string, files: readonly string[]): void {
  if (spawnSync('sync', ['-f', dir], { stdio: 'ignore' }).status === 0) return;
  for (const file of files) {
    const fd = openSync(join(dir, file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Removes `dir` and everything below it, never following a link (a link is removed, not what it points to): what
 * rmSync with `recursive` does, with one unlink per file where rmSync first lstat'ed each one, its kind being known
 * from the folder's listing (a replaced report set is a thousand pages: ~28 → ~11 ms).
 */
export function removeTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeTree(path);
    else unlinkSync(path);
  }
  rmdirSync(dir);
}

/** Writes `content` to `target` through a flushed temporary file and a rename. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;

/** True for a temporary file name of writeFileAtomic's whose writer is gone: debris, never anyone's data. */
export function isStaleTempFile(name: string): boolean {
  const m = TEMP_NAME.exec(name);
  return m !== null && !isAlive(Number(m[2]));
}

/** Removes temporary files in `dir` left by writers that were killed (their process is gone). */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

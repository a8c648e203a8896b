/**
 * Read-only git queries (the history, the data's revision) run as plain
 * child processes, not through simple-git, for two measured reasons:
 *
 * - simple-git's completion detection waits 50 ms after any command that
 *   prints nothing before it answers: a clean `git status`, the log of a
 *   repository with no data committed yet. Every report paid 50–100 ms of
 *   waiting for silence.
 * - the commands of one simple-git instance run one after another, each
 *   started only when the event loop next turns; while the data loads
 *   (synchronous reads) it does not turn, so no command could run meanwhile.
 *
 * Here each query starts its process at once, so a command can ask git before
 * it loads the data and find the answers waiting (~5 ms instead of ~80 ms
 * after loading 1,000 partners).
 */
import { execFile } from 'node:child_process';

export class GitQueryError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** What `git ARGS` run in `cwd` prints; rejects when git cannot run or ends with an error. */
export function gitOutput(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: Infinity }, (error, stdout, stderr) => {
      if (error) reject(new GitQueryError(`git ${args[0]}: ${error.message}`, stderr));
      else resolve(stdout);
    });
  });
}

/**
 * Whether `cwd` is inside a git work tree: false for a folder git says is not in one (as simple-git's
 * checkIsRepo reads the message, in English or German); rejects when git cannot answer at all.
 */
export async function isInsideWorkTree(cwd: string): Promise<boolean> {
  try {
    return (await gitOutput(cwd, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (e) {
    if (e instanceof GitQueryError && /(Not a git repository|Kein Git-Repository)/i.test(e.stderr)) return false;
    throw e;
  }
}

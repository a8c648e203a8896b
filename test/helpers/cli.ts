/**
 * Runs an npm-script entry point the way a person does, capturing output and exit code.
 *
 * runCli runs the command in the test's own process: its main (handed over by runCommand, see runCommandsWith
 * in scripts/lib/cli.ts) with process.argv set to the arguments and stdout and stderr captured, the exit code
 * being what the process would exit with. Starting a process costs about a second and a half of CPU (tsx and
 * the modules); the suite runs hundreds of commands. spawnCli starts a real process: for tests about the
 * process itself (signals, another user, --help, which exits).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { exitCodeOf, runCommandsWith } from '../../scripts/lib/cli.js';
import { REPO_ROOT } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The arguments of node that start a command as its npm script does (bin/run.mjs: the bundle in dist/ when it is
 * up to date, else the sources under tsx); for spawn(process.execPath, …).
 */
export function commandArgs(script: string, args: string[]): string[] {
  return [join(REPO_ROOT, 'bin/run.mjs'), script, ...args];
}

/** A command run in a process of its own (the workflows test runs the npm scripts themselves). */
export function spawnCli(script: string, args: string[]): CliResult {
  const r = spawnSync(process.execPath, commandArgs(script, args), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

type Main = () => Promise<number>;
const mains = new Map<string, Main>();

/** The command's main: its module imported once, runCommand handing the main over instead of running it. */
async function mainOf(script: string): Promise<Main> {
  const known = mains.get(script);
  if (known) return known;
  let handed: Main | undefined;
  runCommandsWith((main) => (handed = main));
  await import(join(REPO_ROOT, 'scripts', `${script}.ts`));
  if (!handed) throw new Error(`scripts/${script}.ts did not hand its main to runCommand`);
  mains.set(script, handed);
  return handed;
}

// One command at a time: each takes over process.argv, stdout and stderr while it runs.
let queue: Promise<unknown> = Promise.resolve();

/** A command run in this process; as the process would: the same output and exit code. */
export function runCli(script: string, args: string[]): Promise<CliResult> {
  const run = queue.then(() => runHere(script, args));
  queue = run.catch(() => undefined);
  return run;
}

async function runHere(script: string, args: string[]): Promise<CliResult> {
  // --help prints and exits the process: a process of its own.
  if (args.includes('--help') || args.includes('-h')) return spawnCli(script, args);
  const main = await mainOf(script);
  const out: string[] = [];
  const err: string[] = [];
  const saved = {
    argv: process.argv,
    exit: process.exit.bind(process),
    env: process.env,
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
    outTTY: process.stdout.isTTY,
    errTTY: process.stderr.isTTY,
  };
  // Output goes to a pipe, as with spawnSync: no questions at a terminal, no progress lines redrawn.
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  process.argv = [process.execPath, join(REPO_ROOT, 'scripts', `${script}.ts`), ...args];
  // A command's own changes to its environment stay with the run.
  process.env = { ...process.env };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  process.exit = (code?: number | string | null) => {
    throw new Error(`scripts/${script}.ts called process.exit(${code}): run it with spawnCli`);
  };
  let code: number;
  try {
    code = await exitCodeOf(main);
  } finally {
    process.argv = saved.argv;
    process.exit = saved.exit;
    process.env = saved.env;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.stdout.isTTY = saved.outTTY;
    process.stderr.isTTY = saved.errTTY;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

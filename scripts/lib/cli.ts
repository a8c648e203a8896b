/**
 * What every command shares: flags, --help, --root, and the promise that a
 * fault ends in one plain sentence and exit 2, never a stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate, today } from './time/calendar.js';
import { GitSource } from './load/git-source.js';
import { FolderSource, type DataSource } from './load/source.js';
import { TOOL_ROOT } from './tool-root.js';

/** The repository this tool lives in: the default data root. */
export { TOOL_ROOT };

export class UsageError extends Error {}

/** An option, declared once: how it parses, and its line in --help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The value's name in --help: DIR, DATE, REV. */
  value?: string;
  /** What it does, in one line. */
  help: string;
}

type Options = Record<string, OptionSpec>;

export interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  /** What follows `npm run NAME --`; empty for a command that takes no options. */
  usage: string;
  options: O;
  /** For commands with actions (new, record): one line per action, naming the options it takes. */
  actions?: readonly string[];
}

export const ROOT_OPTION = {
  type: 'string',
  value: 'DIR',
  help: 'the data (default: this repository)',
} as const satisfies OptionSpec;
export const REV_OPTION = {
  type: 'string',
  value: 'REV',
  help: 'read the data as it was at this git revision (a tag, branch or commit), without checking it out',
} as const satisfies OptionSpec;

export function parseCommand<O extends Options>(spec: CommandSpec<O>, argv = process.argv.slice(2)) {
  const options: ParseArgsConfig['options'] = { ...spec.options, help: { type: 'boolean', short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, spec.options),
      options,
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message.replace(/\. To specify.*$/s, '')}. Run 'npm run ${spec.name} -- --help' for the options.`,
    );
  }
  if ((parsed.values as Record<string, unknown>).help) process.exit(printHelp(spec));
  return parsed.values as { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string };
}

/** Prints a command's --help, made from its declared options; returns the exit code (0). */
export function printHelp(spec: CommandSpec<Options>): number {
  const line = (flag: string, help: string) => `  ${flag.padEnd(20)} ${help}`;
  const options = Object.entries(spec.options).map(([name, o]) =>
    line(`--${name}${o.value ? ` ${o.value}` : ''}`, o.help),
  );
  const actions = spec.actions ? `Actions:\n${spec.actions.map((a) => `  ${a}`).join('\n')}\n\n` : '';
  const usage = `npm run ${spec.name}${spec.usage ? ` -- ${spec.usage}` : ''}`;
  process.stdout.write(
    `${spec.summary}\n\nUsage: ${usage}\n\n${actions}Options:\n` +
      `${[...options, line('--help', 'show this help')].join('\n')}\n`,
  );
  return 0;
}

/**
 * `--amount -5` reads as a value, as a person means it, not as an unknown
 * flag -5: the value then gets the same check (and message) as any other.
 */
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([\w-]+)$/.exec(argv[i])?.[1];
    if (name && options[name]?.type === 'string' && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

export function rootOption(value: string | undefined): string {
  return resolve(value ?? TOOL_ROOT);
}

/** The data at `root`: the files on disk, or, with --rev, as they were at that git revision. */
export async function dataSource(root: string, rev: string | undefined): Promise<DataSource> {
  if (rev === undefined) return new FolderSource(root);
  const source = new GitSource(root, rev);
  await source.resolve();
  return source;
}

export function asOfOption(value: string | undefined): string {
  if (value === undefined) return today();
  if (!isIsoDate(value))
    throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, e.g. 2026-06-30 (got '${value}')`);
  return value;
}

export function choiceOption<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${value}')`);
  return value as T;
}

/** Runs a command's main, turning every fault into a one-line message and exit 2. */
export function runCommand(main: () => Promise<number>): void {
  if (host) return host(main);
  // The yaml parser reads process.env.LOG_TOKENS for every token, and Node's
  // environment getter is slow: a plain copy makes parsing ~20 % faster.
  // Child processes still get the same variables.
  process.env = { ...process.env };
  void exitCodeOf(main).then((code) => {
    process.exitCode = code;
  });
}

/** What `main` returns; when it fails, its fault written as one line on stderr and exit 2 (1 for a refused edit). */
export async function exitCodeOf(main: () => Promise<number>): Promise<number> {
  try {
    return await main();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A refused edit is the data's fault (exit 1, like validate); anything else is a usage or I/O fault.
    const refused = e instanceof Error && e.name === 'EditRefused';
    process.stderr.write(`${e instanceof UsageError ? 'usage' : refused ? 'refused' : 'error'}: ${message}\n`);
    return refused ? 1 : 2;
  }
}

let host: ((main: () => Promise<number>) => void) | undefined;

/**
 * Makes runCommand hand each command's main to `runner` instead of running it: the test suite runs the commands
 * in its own process this way (with exitCodeOf), rather than paying a process start for each run.
 */
export function runCommandsWith(runner: (main: () => Promise<number>) => void): void {
  host = runner;
}

/** The shape shared by `new`, `record` and `import`: pick an action, gather its values, check, write. */
import {
  parseCommand,
  printHelp,
  rootOption,
  runCommand,
  UsageError,
  type CommandSpec,
  type OptionSpec,
} from '../cli.js';
import { today } from '../time/calendar.js';
import { ChangeSet, ConcurrentChange } from './changeset.js';

export type AuthoringAction = (changes: ChangeSet, given: Record<string, unknown>) => Promise<string>;

type Options = Record<string, OptionSpec>;

/** How often an edit is made again when another command changed its files meanwhile. */
export const MAX_ATTEMPTS = 5;

/**
 * Makes an edit and writes it; when another command wrote one of its files
 * in between, makes it again on the new content (so two payments recorded
 * at once both land), up to MAX_ATTEMPTS times, then gives up with exit 1.
 */
export async function editAndWrite<T>(
  root: string,
  edit: (changes: ChangeSet) => Promise<T>,
): Promise<{ result: T; written: string[] }> {
  for (let attempt = 1; ; attempt++) {
    const changes = new ChangeSet(root, today());
    try {
      const result = await edit(changes);
      const written = await changes.commit();
      if (changes.newWarnings) process.stderr.write(`Written, but worth a look:\n\n${changes.newWarnings}`);
      return { result, written };
    } catch (e) {
      if (!(e instanceof ConcurrentChange) || attempt === MAX_ATTEMPTS) throw e;
    }
  }
}

export function runAuthoring<O extends Options>(
  spec: CommandSpec<O>,
  verb: string,
  actions: Record<string, AuthoringAction>,
  afterWriting = '',
): void {
  runCommand(async () => {
    const name = process.argv[2] ?? '';
    if (name === '--help' || name === '-h') return printHelp(spec);
    if (!Object.hasOwn(actions, name))
      throw new UsageError(
        `say what to ${verb}: npm run ${spec.name} -- ${Object.keys(actions).join('|')} … (got '${name}')`,
      );
    const args = parseCommand(spec, process.argv.slice(3)) as Record<string, unknown>;
    const { result: summary, written } = await editAndWrite(rootOption(args.root as string | undefined), (changes) =>
      actions[name](changes, args),
    );
    process.stdout.write(`${summary}\nWrote ${written.join(', ')}.${afterWriting}\n`);
    return 0;
  });
}

/** The shape shared by `new` and `record`: pick an action, gather its values, check, write. */
import { parseCommand, rootOption, runCommand, UsageError, type CommandSpec } from '../cli.js';
import { todayUtc } from '../time/calendar.js';
import { ChangeSet } from './changeset.js';

export type AuthoringAction = (changes: ChangeSet, given: Record<string, unknown>) => Promise<string>;

type Options = CommandSpec<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>['options'];

export function runAuthoring<O extends Options>(spec: CommandSpec<O>, verb: string, actions: Record<string, AuthoringAction>, afterWriting = ''): void {
  runCommand(async () => {
    const name = process.argv[2] ?? '';
    if (!Object.hasOwn(actions, name)) throw new UsageError(`say what to ${verb}: npm run ${spec.name} -- ${Object.keys(actions).join('|')} … (got '${name}')`);
    const args = parseCommand(spec, process.argv.slice(3)) as Record<string, unknown>;
    const changes = new ChangeSet(rootOption(args.root as string | undefined), todayUtc());
    const summary = await actions[name](changes, args);
    const written = await changes.commit();
    process.stdout.write(`${summary}\nWrote ${written.join(', ')}.${afterWriting}\n`);
    return 0;
  });
}

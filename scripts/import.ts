/** npm run import -- cloud-costs|usage FILE.csv: merges monthly cloud bills or usage into the partners' files. */
import { parseCommand, rootOption, runCommand, ROOT_HELP, UsageError } from './lib/cli.js';
import { ChangeSet } from './lib/edit/changeset.js';
import { IMPORT_COLUMNS, importCsv, type ImportKind } from './lib/edit/importer.js';
import { todayUtc } from './lib/time/calendar.js';

const spec = {
  name: 'import',
  summary: `Imports a CSV of cloud costs (columns ${IMPORT_COLUMNS['cloud-costs'].join(', ')}) or usage (columns ${IMPORT_COLUMNS.usage.join(', ')}). Importing the same file twice changes nothing.`,
  usage: 'cloud-costs|usage FILE.csv [--root DIR]',
  options: { root: { type: 'string' } },
  help: [ROOT_HELP],
} as const;

runCommand(async () => {
  const [kind, file] = process.argv.slice(2, 4);
  if (!(kind in IMPORT_COLUMNS) || !file) throw new UsageError("say what to import and from which file: npm run import -- cloud-costs FILE.csv (or usage FILE.csv)");
  const args = parseCommand(spec, process.argv.slice(4));
  const changes = new ChangeSet(rootOption(args.root), todayUtc());
  const s = await importCsv(changes, kind as ImportKind, file);
  const written = await changes.commit();
  process.stdout.write(`${s.added} added, ${s.updated} updated, ${s.unchanged} already there.${written.length ? ` Wrote ${written.join(', ')}.` : ' Nothing to change.'}\n`);
  return 0;
});

/** npm run import -- cloud-costs|usage FILE.csv: merges monthly cloud bills or usage into the partners' files. */
import { parseCommand, printHelp, rootOption, runCommand, ROOT_OPTION, UsageError } from './lib/cli.js';
import { editAndWrite } from './lib/edit/command.js';
import { IMPORT_COLUMNS, importCsv, type ImportKind } from './lib/edit/importer.js';

const spec = {
  name: 'import',
  summary:
    `Imports a CSV of cloud costs (columns ${IMPORT_COLUMNS['cloud-costs'].join(', ')}) or usage ` +
    `(columns ${IMPORT_COLUMNS.usage.join(', ')}). Rows of the same hub and month are summed for cloud costs ` +
    `and refused for usage. Importing the same file twice changes nothing.`,
  usage: 'cloud-costs|usage FILE.csv [--root DIR]',
  options: { root: ROOT_OPTION },
} as const;

runCommand(async () => {
  const [kind, file] = process.argv.slice(2, 4);
  if (kind === '--help' || kind === '-h') return printHelp(spec);
  if (!Object.hasOwn(IMPORT_COLUMNS, kind ?? '') || !file || file.startsWith('-')) {
    throw new UsageError(
      'say what to import and from which file: npm run import -- cloud-costs FILE.csv (or usage FILE.csv)',
    );
  }
  const args = parseCommand(spec, process.argv.slice(4));
  const { result: s, written } = await editAndWrite(rootOption(args.root), (changes) =>
    importCsv(changes, kind as ImportKind, file),
  );
  const summed = s.summed.length ? ` Summed rows of the same hub and month: ${s.summed.join('; ')}.` : '';
  process.stdout.write(
    `${s.added} added, ${s.updated} updated, ${s.unchanged} already ` +
      `there.${summed}${
        written.length ? ` Wrote ${written.join(', ')}.` : ' Nothing to change: every row is ' + 'already recorded.'
      }\n`,
  );
  return 0;
});

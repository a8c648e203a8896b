/**
 * npm run import -- cloud-costs|usage FILE.csv: merges monthly cloud bills or usage into the partners' files;
 * npm run import -- usage --prometheus URL --month YYYY-MM: a month's active users from Prometheus.
 */
import { choiceOption, parseCommand, printHelp, rootOption, runCommand, ROOT_OPTION, UsageError } from './lib/cli.js';
import { editAndWrite } from './lib/edit/command.js';
import {
  IMPORT_COLUMNS,
  importCsv,
  importCloudExport,
  importPrometheusUsage,
  type ImportKind,
  type ImportSummary,
} from './lib/edit/importer.js';

const spec = {
  name: 'import',
  summary:
    `Imports a CSV of cloud costs (columns ${IMPORT_COLUMNS['cloud-costs'].join(', ')}) or usage ` +
    `(columns ${IMPORT_COLUMNS.usage.join(', ')}). Rows of the same hub and month are summed for cloud costs ` +
    `and refused for usage. Usage can also come from Prometheus: each hub's highest 30-day active users on ` +
    `the month's last day (jupyterhub_active_users, by namespace). Importing the same data twice changes nothing.`,
  usage:
    'cloud-costs|usage FILE.csv [--root DIR]  |  cloud-costs FILE.csv --format gcp|aws  |  ' +
    'usage --prometheus URL --month YYYY-MM [--root DIR]',
  options: {
    root: ROOT_OPTION,
    prometheus: {
      type: 'string',
      value: 'URL',
      help: 'with usage: the Prometheus server to ask, e.g. http://localhost:9090',
    },
    month: { type: 'string', value: 'YYYY-MM', help: 'with --prometheus: the month to import' },
    format: {
      type: 'string',
      value: 'FORMAT',
      help: "with cloud-costs: simple (default: month,hub,amount,currency), gcp (GCP's billing export) or aws (a CUR)",
    },
  },
} as const;

runCommand(async () => {
  const [kind, file] = process.argv.slice(2, 4);
  if (kind === '--help' || kind === '-h') return printHelp(spec);
  if (kind === 'usage' && file?.startsWith('--')) return fromPrometheus(parseCommand(spec, process.argv.slice(3)));
  if (!Object.hasOwn(IMPORT_COLUMNS, kind ?? '') || !file || file.startsWith('-')) {
    throw new UsageError(
      'say what to import and from which file: npm run import -- cloud-costs FILE.csv (or usage FILE.csv)',
    );
  }
  const args = parseCommand(spec, process.argv.slice(4));
  if (args.prometheus || args.month)
    throw new UsageError(
      '--prometheus and --month go with usage alone: npm run import -- usage --prometheus URL --month YYYY-MM',
    );
  const format = choiceOption('format', args.format, ['simple', 'gcp', 'aws'] as const, 'simple');
  if (format !== 'simple' && kind !== 'cloud-costs')
    throw new UsageError(
      '--format gcp or aws goes with cloud-costs: npm run import -- cloud-costs FILE.csv --format gcp',
    );
  const { result: s, written } = await editAndWrite(rootOption(args.root), (changes) =>
    format === 'simple' ? importCsv(changes, kind as ImportKind, file) : importCloudExport(changes, format, file),
  );
  process.stdout.write(describe(s, written, 'row'));
  return 0;
});

async function fromPrometheus(args: ReturnType<typeof parseCommand<typeof spec.options>>): Promise<number> {
  const { prometheus, month } = args;
  if (!prometheus || !month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError('say which server and month: npm run import -- usage --prometheus URL --month YYYY-MM');
  const { result, written } = await editAndWrite(rootOption(args.root), (changes) =>
    importPrometheusUsage(changes, prometheus, month),
  );
  process.stdout.write(describe(result, written, 'count'));
  return 0;
}

function describe(s: ImportSummary, written: string[], source: 'row' | 'count'): string {
  const summed = s.summed.length ? ` Summed rows of the same hub and month: ${s.summed.join('; ')}.` : '';
  const unattributed = s.unattributed.length
    ? ` Not attributed to any hub, kept in costs/unattributed-cloud.yaml (cost nobody recovers; give the hub ` +
      `a billing project, account or tag in its partner.md): ${s.unattributed.join('; ')}.`
    : '';
  const attributed = s.nowAttributed.length
    ? ` Now attributed to a hub, so set to 0 in costs/unattributed-cloud.yaml: ${s.nowAttributed.join('; ')}.`
    : '';
  const skipped = s.skipped.length
    ? ` Skipped, as no partner lists a hub with that namespace: ${s.skipped.join(', ')}.`
    : '';
  const wrote = written.length
    ? ` Wrote ${written.join(', ')}.`
    : ` Nothing to change: every ${source} is already recorded.`;
  const counts = `${s.added} added, ${s.updated} updated, ${s.unchanged} already there.`;
  return `${counts}${summed}${unattributed}${attributed}${skipped}${wrote}\n`;
}

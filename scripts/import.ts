/**
 * npm run import -- cloud-costs|usage FILE.csv: merges monthly cloud bills or usage into the partners' files;
 * npm run import -- usage --prometheus URL --month YYYY-MM: a month's active users from Prometheus;
 * npm run import -- crm-deals FILE.csv: a CRM's deals as draft contracts;
 * npm run import -- support FILE.csv: a help desk's tickets as the partners' support requests;
 * npm run import -- infrastructure DIR: partner records for every hub a hub-infrastructure repository deploys.
 */
import { choiceOption, parseCommand, printHelp, rootOption, runCommand, ROOT_OPTION, UsageError } from './lib/cli.js';
import { ChangeSet, ConcurrentChange } from './lib/edit/changeset.js';
import { named } from './lib/edit/cloud-bill.js';
import { editAndWrite, MAX_ATTEMPTS } from './lib/edit/command.js';
import { today } from './lib/time/calendar.js';
import { importCrmDeals, type CrmSummary } from './lib/edit/crm.js';
import { importSupport, type SupportSummary } from './lib/edit/helpdesk.js';
import { importCloudExport, type CloudSummary } from './lib/edit/cloud-import.js';
import {
  describeInfrastructure,
  infrastructureOptions,
  INFRASTRUCTURE_OPTIONS,
  usesInfrastructureOptions,
} from './lib/edit/infrastructure-cli.js';
import { importInfrastructure } from './lib/edit/infrastructure.js';
import { IMPORT_COLUMNS, importCsv, importPrometheusUsage, type ImportKind } from './lib/edit/importer.js';
import type { ImportSummary } from './lib/edit/import-summary.js';
import { count } from './lib/text/grouped.js';

const spec = {
  name: 'import',
  summary:
    `Imports a CSV of cloud costs (columns ${IMPORT_COLUMNS['cloud-costs'].join(', ')}) or usage ` +
    `(columns ${IMPORT_COLUMNS.usage.join(', ')}). Rows of the same hub and month are summed for cloud costs ` +
    `and refused for usage. Usage can also come from Prometheus: each hub's highest 30-day active users on ` +
    `the month's last day (jupyterhub_active_users, by namespace). crm-deals keeps a CRM's deals as draft ` +
    `contracts: HubSpot's deals export (Record ID, Deal Name, Deal Stage, Amount, Close Date, Associated Company, ` +
    `…), a CSV of HubSpot property names (id, dealname, dealstage, amount, …) or Deal ID, Deal Name, …, Community. ` +
    `support keeps a help desk's tickets as support requests: Freshdesk's tickets export (Ticket ID, Status, ` +
    `Priority, Created time, …, Company Name) or Ticket ID, …, Company. infrastructure reads a ` +
    `hub-infrastructure repository (config/clusters/*/cluster.yaml) and lists every deployed hub under a partner, ` +
    `creating partners to review (needs_review: true). Importing the same data twice changes nothing. ` +
    `See docs/guide.md.`,
  usage:
    'cloud-costs|usage FILE.csv [--root DIR]  |  cloud-costs FILE.csv --format gcp|aws  |  ' +
    'usage --prometheus URL --month YYYY-MM [--root DIR]  |  crm-deals|support FILE.csv [--root DIR]  |  ' +
    'infrastructure DIR [--shared CLUSTERS] [--dedicated CLUSTERS] [--type TYPE] [--country CC] [--owner HANDLE]',
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
      help:
        "with cloud-costs: simple (default: month,hub,amount,currency), gcp (GCP's billing export to BigQuery, " +
        'saved as CSV) or aws (a Cost and Usage Report or a Cost Explorer CSV, told apart by their headings)',
    },
    ...INFRASTRUCTURE_OPTIONS,
  },
} as const;

runCommand(async () => {
  const [kind, file] = process.argv.slice(2, 4);
  if (kind === '--help' || kind === '-h') return printHelp(spec);
  if (kind === 'usage' && file?.startsWith('--')) return fromPrometheus(parseCommand(spec, process.argv.slice(3)));
  if (kind === 'infrastructure' && file && !file.startsWith('-'))
    return fromInfrastructure(file, parseCommand(spec, process.argv.slice(4)));
  if ((kind === 'crm-deals' || kind === 'support') && file && !file.startsWith('-'))
    return fromSystem(kind, file, parseCommand(spec, process.argv.slice(4)));
  if (!Object.hasOwn(IMPORT_COLUMNS, kind ?? '') || !file || file.startsWith('-')) {
    throw new UsageError(
      'say what to import and from which file: npm run import -- cloud-costs FILE.csv (or usage, ' +
        'crm-deals or support FILE.csv), or npm run import -- infrastructure DIR',
    );
  }
  const args = parseCommand(spec, process.argv.slice(4));
  if (usesInfrastructureOptions(args))
    throw new UsageError('--shared, --dedicated, --type, --country and --owner go with infrastructure alone');
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

async function fromInfrastructure(dir: string, args: ReturnType<typeof parseCommand<typeof spec.options>>) {
  if (args.prometheus || args.month || args.format)
    throw new UsageError(
      'infrastructure takes a folder, --root and the options for new partners: npm run import -- infrastructure DIR',
    );
  const options = infrastructureOptions(args);
  const root = rootOption(args.root);
  // As editAndWrite, but the warnings it brings are the needs-review ones the summary counts: one per new
  // partner, which would bury the summary; npm run validate lists them.
  for (let attempt = 1; ; attempt++) {
    const changes = new ChangeSet(root, today());
    try {
      const result = await importInfrastructure(changes, dir, options);
      const written = await changes.commit();
      process.stdout.write(describeInfrastructure(result, written));
      return 0;
    } catch (e) {
      if (!(e instanceof ConcurrentChange) || attempt === MAX_ATTEMPTS) throw e;
    }
  }
}

async function fromSystem(
  kind: 'crm-deals' | 'support',
  file: string,
  args: ReturnType<typeof parseCommand<typeof spec.options>>,
): Promise<number> {
  if (args.prometheus || args.month || args.format || usesInfrastructureOptions(args))
    throw new UsageError(`${kind} takes a file and --root only: npm run import -- ${kind} FILE.csv`);
  const root = rootOption(args.root);
  if (kind === 'crm-deals') {
    const { result, written } = await editAndWrite(root, (changes) => importCrmDeals(changes, file));
    process.stdout.write(describeCrm(result, written));
  } else {
    const { result, written } = await editAndWrite(root, (changes) => importSupport(changes, file));
    process.stdout.write(describeSupport(result, written));
  }
  return 0;
}

/** At most this many rows are named in a summary, the rest counted: a 50 MB export's summary stays a few lines. */
const NAMED_ROWS = 20;

/** The first NAMED_ROWS of a list, and "… and N more" for the rest (a list of a CRM or help-desk summary). */
function firstRows(list: readonly string[]): string[] {
  if (list.length <= NAMED_ROWS) return [...list];
  return [...list.slice(0, NAMED_ROWS), `… and ${list.length - NAMED_ROWS} more`];
}

function bullets(heading: string, list: readonly string[]): string[] {
  return list.length ? [heading, ...firstRows(list).map((line) => `  - ${line}`)] : [];
}

function describeSupport(s: SupportSummary, written: string[]): string {
  const lines = [
    `${s.added} added, ${s.updated.length} updated, ${s.unchanged} already there, ${s.skipped.length} skipped.`,
  ];
  if (s.updated.length) lines.push(`Updated: ${firstRows(s.updated).join('; ')}.`);
  lines.push(...bullets('Skipped:', s.skipped));
  lines.push(written.length ? `Wrote ${written.join(', ')}.` : 'Nothing to change: every ticket is already recorded.');
  return lines.join('\n') + '\n';
}

function describeCrm(s: CrmSummary, written: string[]): string {
  const lines = [
    `${s.added.length} added, ${s.updated.length} updated, ${s.unchanged} already there, ${s.skipped.length} skipped.`,
  ];
  if (s.added.length) lines.push(`Added draft contracts: ${firstRows(s.added).join(', ')}.`);
  if (s.updated.length) lines.push(`Updated: ${firstRows(s.updated).join('; ')}.`);
  lines.push(...bullets('Skipped:', s.skipped));
  if (s.toSignOff.length)
    lines.push(
      `Won in the CRM, still drafts until a person signs them off (set status: active and signed: DATE in the ` +
        `contract): ${firstRows(s.toSignOff).join(', ')}.`,
    );
  lines.push(...bullets('Amount collected in the CRM differs from the payments recorded:', s.collected));
  lines.push(written.length ? `Wrote ${written.join(', ')}.` : 'Nothing to change: every deal is already recorded.');
  return lines.join('\n') + '\n';
}

function describe(s: ImportSummary | CloudSummary, written: string[], source: 'row' | 'count'): string {
  let left = NAMED_ROWS;
  const names = (items: string[]) => {
    const shown = named(items, left);
    left = Math.max(0, left - items.length);
    return shown;
  };
  const cloud = 'source' in s ? s : undefined;
  const read = cloud
    ? `Read ${cloud.source}: ${count(cloud.rows)} rows` +
      `${cloud.totalRows ? ` (${cloud.totalRows} of them totals, skipped)` : ''}. `
    : '';
  const summed = s.summed.length ? ` Summed rows of the same hub and month: ${names(s.summed)}.` : '';
  const unattributed = s.unattributed.length
    ? ` Not attributed to any hub, kept in costs/unattributed-cloud.yaml (cost nobody recovers; give the hub ` +
      `a billing project, account or tag in its partner.md): ${names(s.unattributed)}.`
    : '';
  const attributed = s.nowAttributed.length
    ? ` Now attributed to a hub, so set to 0 in costs/unattributed-cloud.yaml: ${names(s.nowAttributed)}.`
    : '';
  const zeroed = cloud?.zeroed.length
    ? ` No longer in this export of their billing account and month, so set to 0: ${names(cloud.zeroed)}.`
    : '';
  const skipped = s.skipped.length
    ? ` Skipped, as no partner lists a hub with that namespace: ${names(s.skipped)}.`
    : '';
  const wrote = written.length
    ? ` Wrote ${written.join(', ')}.`
    : ` Nothing to change: every ${source} is already recorded.`;
  const counts = `${s.added} added, ${s.updated} updated, ${s.unchanged} already there.`;
  return `${read}${counts}${summed}${unattributed}${attributed}${zeroed}${skipped}${wrote}\n`;
}

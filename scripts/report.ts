/** npm run report: validates, then writes every report for one as-of date. */
import { join, resolve } from 'node:path';
import { REV_OPTION, ROOT_OPTION, asOfOption, dataSource, parseCommand, rootOption, runCommand } from './lib/cli.js';
import { checkedData } from './lib/checked.js';
import { readHistory } from './lib/load/history.js';
import { computeFigures, previousMonthDate } from './lib/figures/index.js';
import { dataRevision } from './lib/load/revision.js';
import { renderReports } from './lib/render/index.js';
import { REPORTS } from './lib/render/reports.js';
import { DATA_FOLDERS } from './lib/load/layout.js';
import { Interrupted } from './lib/write/atomic.js';
import { outputFolder, type OutputRules } from './lib/write/output-folder.js';
import { describeSummary, writeReports } from './lib/write/report-files.js';
import { plural } from './lib/text/plural.js';

const spec = {
  name: 'report',
  summary:
    `Checks the data, then writes the Markdown reports ` +
    `(${REPORTS.map((r) => r.title.toLowerCase()).join(', ')}, and one page per partner).`,
  usage: '[--root DIR] [--rev REV] [--as-of YYYY-MM-DD] [--out DIR]',
  options: {
    root: ROOT_OPTION,
    rev: REV_OPTION,
    'as-of': { type: 'string', value: 'DATE', help: 'the date the reports are for (default: today)' },
    out: {
      type: 'string',
      value: 'DIR',
      help: 'where to write them (default: reports/ under the root); an empty folder or one an earlier run wrote',
    },
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const asOf = asOfOption(args['as-of']);
  const root = rootOption(args.root);
  const rules: OutputRules = { root, dataFolders: DATA_FOLDERS, reportsFolder: join(root, 'reports') };
  // A folder the reports may not go to is refused before the data is read, at once.
  const out = outputFolder(args.out ? resolve(args.out) : rules.reportsFolder, rules);
  // Git is asked first: its processes answer on the other core while the data loads (load/git-query.ts).
  const gitFacts = Promise.all([readHistory(root, args.rev), dataRevision(root, args.rev)]);
  // Only the records are kept: the files' texts and positions (for locating problems) are let go before rendering.
  const repo = (await checkedData(await dataSource(root, args.rev), asOf))?.repo;
  if (!repo) return 1;
  const [history, revision] = await gitFacts;
  const figures = computeFigures(repo, asOf, history);
  const previous = computeFigures(repo, previousMonthDate(asOf), history);
  const meta = {
    organization: repo.config.organization,
    asOf,
    currency: figures.currency,
    revision,
    sponsorFeePct: repo.config.fiscal_sponsor_fee_pct,
  };
  let summary;
  try {
    summary = await writeReports(out, renderReports(figures, previous, meta), rules);
  } catch (e) {
    // Ctrl-C while writing: the staging folder is gone and the previous set untouched.
    if (e instanceof Interrupted) return e.exitCode;
    throw e;
  }
  const count = summary.changed.length + summary.added.length + summary.unchanged;
  process.stdout.write(`Wrote ${plural(count, 'report')} to ${out} as of ${asOf}: ${describeSummary(summary)}.\n`);
  return 0;
});

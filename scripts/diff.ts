/** npm run diff: how the figures and the records change between two git revisions. */
import { GitSource } from './lib/load/git-source.js';
import { asOfOption, choiceOption, parseCommand, rootOption, runCommand, ROOT_OPTION, UsageError } from './lib/cli.js';
import { checkData } from './lib/check/index.js';
import { computeFigures } from './lib/figures/index.js';
import { readHistory } from './lib/load/history.js';
import { diffRecords } from './lib/model/record-diff.js';
import { countBySeverity } from './lib/problem.js';
import { renderDiffMarkdown, type DiffSide } from './lib/render/diff.js';
import { diffJson } from './lib/write/diff-json.js';

const spec = {
  name: 'diff',
  summary:
    'Compares the headline figures and the records of two git revisions, as Markdown for a pull request ' +
    'comment or as JSON.',
  usage: '--base REV [--head REV] [--as-of YYYY-MM-DD] [--format markdown|json] [--root DIR]',
  options: {
    base: { type: 'string', value: 'REV', help: 'the revision to compare from, e.g. origin/main (required)' },
    head: { type: 'string', value: 'REV', help: 'the revision to compare to (default: HEAD)' },
    'as-of': { type: 'string', value: 'DATE', help: 'the date the figures are for (default: today)' },
    format: { type: 'string', value: 'FORMAT', help: 'markdown (default) or json' },
    root: ROOT_OPTION,
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  if (!args.base)
    throw new UsageError(
      "--base REV is required, e.g. --base origin/main. Run 'npm run diff -- --help' for the options.",
    );
  const format = choiceOption('format', args.format, ['markdown', 'json'] as const, 'markdown');
  const asOf = asOfOption(args['as-of']);
  const root = rootOption(args.root);
  const side = async (rev: string) => {
    const source = new GitSource(root, rev);
    const commit = await source.resolve();
    const checked = await checkData(source, { asOf });
    const errors = countBySeverity(checked.problems).errors;
    const figures = errors ? undefined : computeFigures(checked.repo, asOf, await readHistory(root, commit));
    return { side: { rev, commit, errors, figures } satisfies DiffSide, checked };
  };
  const base = await side(args.base);
  const head = await side(args.head ?? 'HEAD');
  const changes = diffRecords(base.checked.files, head.checked.files);
  const currency = head.checked.repo.config.reporting_currency;
  process.stdout.write(
    format === 'json'
      ? JSON.stringify(diffJson(base.side, head.side, asOf, currency, changes), null, 2) + '\n'
      : renderDiffMarkdown(base.side, head.side, asOf, currency, changes),
  );
  return 0;
});

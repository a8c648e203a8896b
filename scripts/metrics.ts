/** npm run metrics: every figure as one JSON object. */
import { asOfOption, parseCommand, rootOption, runCommand } from './lib/cli.js';
import { checkedData } from './lib/checked.js';
import { computeFigures } from './lib/figures/index.js';
import { FolderSource } from './lib/load/source.js';
import { metricsJson } from './lib/write/metrics-json.js';

const spec = {
  name: 'metrics',
  summary: 'Prints every figure (MRR, MRC, cost recovery, receivables, unbilled, renewals, deliverables, onboarding, NPS, usage, pipeline, projection) as JSON.',
  usage: '[--root DIR] [--as-of YYYY-MM-DD]',
  options: { root: { type: 'string' }, 'as-of': { type: 'string' } },
  help: ['--root DIR           the data (default: this repository)', '--as-of DATE         the date the figures are for (default: today)'],
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const asOf = asOfOption(args['as-of']);
  const checked = await checkedData(new FolderSource(rootOption(args.root)), asOf);
  if (!checked) return 1;
  process.stdout.write(JSON.stringify(metricsJson(computeFigures(checked.repo, asOf)), null, 2) + '\n');
  return 0;
});

/** npm run metrics: every figure as one JSON object. */
import { REV_OPTION, ROOT_OPTION, asOfOption, dataSource, parseCommand, rootOption, runCommand } from './lib/cli.js';
import { checkedData } from './lib/checked.js';
import { readHistory } from './lib/load/history.js';
import { computeFigures } from './lib/figures/index.js';
import { metricsJson } from './lib/write/metrics-json.js';

const spec = {
  name: 'metrics',
  summary:
    'Prints every figure (MRR, MRC, cost recovery, receivables, unbilled, renewals, deliverables, ' +
    'onboarding, NPS, usage, pipeline, projection) as JSON.',
  usage: '[--root DIR] [--rev REV] [--as-of YYYY-MM-DD]',
  options: {
    root: ROOT_OPTION,
    rev: REV_OPTION,
    'as-of': { type: 'string', value: 'DATE', help: 'the date the figures are for (default: today)' },
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const asOf = asOfOption(args['as-of']);
  const root = rootOption(args.root);
  // Asked first: git answers on the other core while the data loads (load/git-query.ts).
  const gitHistory = readHistory(root, args.rev);
  const repo = (await checkedData(await dataSource(root, args.rev), asOf))?.repo;
  if (!repo) return 1;
  const history = await gitHistory;
  process.stdout.write(JSON.stringify(metricsJson(computeFigures(repo, asOf, history)), null, 2) + '\n');
  return 0;
});

/** npm run reconcile -- --infrastructure DIR: the deployed hubs against the partners' hubs and contracts. */
import { normalize } from 'node:path';
import {
  ROOT_OPTION,
  UsageError,
  asOfOption,
  choiceOption,
  dataSource,
  parseCommand,
  rootOption,
  runCommand,
} from './lib/cli.js';
import { checkedData } from './lib/checked.js';
import { readInfrastructure, reconcile } from './lib/check/reconcile.js';
import { compareProblems, countBySeverity } from './lib/problem.js';
import { formatProblems, type ProblemFormat } from './lib/write/problems.js';

const spec = {
  name: 'reconcile',
  summary:
    "Compares the hubs a hub-infrastructure repository deploys (config/clusters/*/cluster.yaml) with the partners' " +
    'hubs: a deployed hub no partner lists, or with no signed contract in force covering it, is an error (exit 1); ' +
    "a partner's live hub that no cluster deploys is a warning, and so are a cluster's CRM deal " +
    '(hubspot_deal_id) that no contract carries as crm_deal_id and a contract in force for its partner with ' +
    "another deal. The organisation's own record's hubs (its staging and demo hubs) need no contract.",
  usage: '--infrastructure DIR [--root DIR] [--as-of YYYY-MM-DD] [--format text|json|github]',
  options: {
    infrastructure: { type: 'string', value: 'DIR', help: 'a checkout of the hub-infrastructure repository' },
    root: ROOT_OPTION,
    'as-of': { type: 'string', value: 'DATE', help: 'the date contracts must be in force on (default: today)' },
    format: {
      type: 'string',
      value: 'FORMAT',
      help: 'text (default), json, or github (annotations on a pull request)',
    },
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const format = choiceOption<ProblemFormat>('format', args.format, ['text', 'json', 'github'], 'text');
  const asOf = asOfOption(args['as-of']);
  if (!args.infrastructure) throw new UsageError('name the infrastructure repository: --infrastructure DIR');
  // Its files are named as the user named the folder; the data's, relative to the data.
  const infrastructure = normalize(args.infrastructure);
  const { hubs, clusters, texts } = readInfrastructure(infrastructure);
  const checked = await checkedData(await dataSource(rootOption(args.root), undefined), asOf);
  if (!checked) return 1;
  const problems = reconcile(hubs, checked.repo, checked.files, asOf, clusters).sort(compareProblems);
  process.stdout.write(formatProblems(format, problems, (file) => texts.get(file) ?? checked.files.get(file)?.text));
  return countBySeverity(problems).errors > 0 ? 1 : 0;
});

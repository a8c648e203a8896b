/** npm run validate: schema and business rules over every file of the data. */
import {
  REV_OPTION,
  ROOT_OPTION,
  asOfOption,
  dataSource,
  choiceOption,
  parseCommand,
  rootOption,
  runCommand,
} from './lib/cli.js';
import { checkData } from './lib/check/index.js';
import { countBySeverity } from './lib/problem.js';
import { formatProblems, type ProblemFormat } from './lib/write/problems.js';

const spec = {
  name: 'validate',
  summary: 'Checks every partner, contract, invoice, cost and grant file against its schema and the business rules.',
  usage: '[--root DIR] [--rev REV] [--format text|json|github|markdown] [--as-of YYYY-MM-DD]',
  options: {
    root: ROOT_OPTION,
    rev: REV_OPTION,
    format: {
      type: 'string',
      value: 'FORMAT',
      help: 'text (default), json, github (annotations on a pull request) or markdown (a table)',
    },
    'as-of': {
      type: 'string',
      value: 'DATE',
      help: 'the date for date-relative warnings, e.g. a draft past its start (default: today)',
    },
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const format = choiceOption<ProblemFormat>('format', args.format, ['text', 'json', 'github', 'markdown'], 'text');
  const asOf = asOfOption(args['as-of']);
  const { problems, files } = await checkData(await dataSource(rootOption(args.root), args.rev), { asOf });
  process.stdout.write(formatProblems(format, problems, (file) => files.get(file)?.text));
  return countBySeverity(problems).errors > 0 ? 1 : 0;
});

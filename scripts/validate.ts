/** npm run validate: schema and business rules over every file of the data. */
import { asOfOption, choiceOption, parseCommand, rootOption, runCommand } from './lib/cli.js';
import { checkData } from './lib/check/index.js';
import { FolderSource } from './lib/load/source.js';
import { countBySeverity } from './lib/problem.js';
import { formatProblems, type ProblemFormat } from './lib/write/problems.js';

const spec = {
  name: 'validate',
  summary: 'Checks every partner, contract, invoice, cost and grant file against its schema and the business rules.',
  usage: '[--root DIR] [--format text|json|github] [--as-of YYYY-MM-DD]',
  options: {
    root: { type: 'string' },
    format: { type: 'string' },
    'as-of': { type: 'string' },
  },
  help: [
    '--root DIR           the data to check (default: this repository)',
    '--format FORMAT      text (default), json, or github (annotations on a pull request)',
    '--as-of DATE         the date for date-relative warnings, e.g. a draft past its start (default: today)',
  ],
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const format = choiceOption<ProblemFormat>('format', args.format, ['text', 'json', 'github'], 'text');
  const asOf = asOfOption(args['as-of']);
  const { problems, files } = await checkData(new FolderSource(rootOption(args.root)), { asOf });
  process.stdout.write(formatProblems(format, problems, (file) => files.get(file)?.text));
  return countBySeverity(problems).errors > 0 ? 1 : 0;
});

/**
 * npm run billing -- --month YYYY-MM [--format markdown|csv|json] [--write]
 * The billing statement of a month: what to invoice for it, per partner
 * (SPEC-2 A); --write adds the lines not invoiced yet as draft invoices.
 */
import { ROOT_OPTION, UsageError, choiceOption, parseCommand, rootOption, runCommand } from './lib/cli.js';
import { checkedData } from './lib/checked.js';
import { editAndWrite } from './lib/edit/command.js';
import { writeBillingDrafts } from './lib/edit/billing-write.js';
import { billingStatement } from './lib/figures/billing.js';
import { FolderSource } from './lib/load/source.js';
import { billingCsv, billingJson, billingMarkdown } from './lib/render/billing.js';
import { addMonths, lastDay, monthOf, today } from './lib/time/calendar.js';

const spec = {
  name: 'billing',
  summary: 'Prints what to invoice for a month (fixed fees, usage fees, pass-through cloud, one-time fees).',
  usage: '[--month YYYY-MM] [--format markdown|csv|json] [--write] [--root DIR]',
  options: {
    root: ROOT_OPTION,
    month: { type: 'string', value: 'YYYY-MM', help: 'the month billed (default: last month)' },
    format: { type: 'string', value: 'FORMAT', help: 'markdown (default), csv or json' },
    write: { type: 'boolean', help: 'add the lines not invoiced yet as draft invoices, one per contract' },
  },
} as const;

runCommand(async () => {
  const args = parseCommand(spec);
  const month = args.month ?? addMonths(monthOf(today()), -1);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month must be a month written YYYY-MM, e.g. 2026-10 (got '${month}')`);
  const format = choiceOption('format', args.format, ['markdown', 'csv', 'json'] as const, 'markdown');
  const root = rootOption(args.root);
  if (args.write) {
    const { result, written } = await editAndWrite(root, (changes) => writeBillingDrafts(changes, month, today()));
    process.stdout.write(`${result}${written.length ? `\nWrote ${written.join(', ')}.` : ''}\n`);
    return 0;
  }
  const checked = await checkedData(new FolderSource(root), lastDay(month) > today() ? today() : lastDay(month));
  if (!checked) return 1;
  const lines = billingStatement(checked.repo, month);
  if (format === 'json')
    process.stdout.write(
      JSON.stringify(billingJson(lines, month, checked.repo.config.reporting_currency), null, 2) + '\n',
    );
  else if (format === 'csv') process.stdout.write(billingCsv(lines));
  else process.stdout.write(billingMarkdown(checked.repo, lines, month));
  return 0;
});

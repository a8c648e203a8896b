/** The step every figure command starts with: validate, and stop (exit 1) on errors. */
import { checkData, type CheckResult } from './check/index.js';
import type { DataSource } from './load/source.js';
import { countBySeverity } from './problem.js';
import { formatText } from './write/problems.js';

/**
 * The checked data, or undefined after printing the errors to stderr. Warnings
 * are validate's to show: they neither stop a figure nor are looked for here.
 */
export async function checkedData(source: DataSource, asOf: string): Promise<CheckResult | undefined> {
  const result = await checkData(source, { asOf, warnings: false });
  if (countBySeverity(result.problems).errors === 0) return result;
  const errors = result.problems.filter((p) => p.severity === 'error');
  process.stderr.write(
    `The data has errors, so no figures were computed. Fix these first (npm run validate shows them too):\n\n`,
  );
  process.stderr.write(formatText(errors, (file) => result.files.get(file)?.text));
  return undefined;
}

/**
 * The values an authoring command needs: from its flags, else asked for at
 * the terminal, else (no terminal, as in CI) a usage error naming every
 * missing flag.
 */
import { createInterface } from 'node:readline/promises';
import { amountProblem, type AmountField } from '../check/amount.js';
import { UsageError } from '../cli.js';
import type { Currency } from '../model/records.js';
import { isIsoDate } from '../time/calendar.js';
import { didYouMean } from '../text/suggest.js';

export interface Field {
  flag: string;
  /** What it is, in the words of the schema's description. */
  about: string;
  default?: string;
  optional?: boolean;
  check?: (value: string) => string | undefined;
}

/** What every id looks like; an id also names a file or folder, so nothing else (no '/', no '..') gets through. */
const SLUG_RULE =
  'an id is lowercase letters and digits, in words joined by single hyphens, e.g. uni-north or leap-2026';
export const isSlug = (v: string) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? undefined : SLUG_RULE);
/** The ids of a comma-separated list (--hubs a,b), spaces and empty items left out. */
export const slugList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
export const isSlugList = (v: string) => {
  const bad = slugList(v).find((s) => isSlug(s));
  return bad === undefined ? undefined : `'${bad}' is not an id: ${SLUG_RULE}`;
};
export const isDate = (v: string) => (isIsoDate(v) ? undefined : 'write a real date as YYYY-MM-DD, e.g. 2026-03-31');
/**
 * An amount for `field`, checked as the validator checks it (the currency's decimals once it is known: see
 * checkAmount).
 */
export const isAmount = (field: AmountField) => (v: string) => amountProblem(v, field);

/** Checks an amount typed on the command line in its currency, in the validator's words. */
export function checkAmount(flag: string, text: string, field: AmountField, currency: Currency): void {
  const problem = amountProblem(text, field, currency);
  if (problem) throw new UsageError(`--${flag} '${text}': ${problem}`);
}
export const oneOf = (choices: readonly string[]) => (v: string) =>
  choices.includes(v) ? undefined : `choose one of ${choices.join(', ')}.${didYouMean(v, choices)}`;

export async function completeFields(
  command: string,
  fields: Field[],
  given: Record<string, unknown>,
): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  const missing = fields.filter((f) => given[f.flag] === undefined && f.default === undefined && !f.optional);
  const interactive = missing.length > 0 && process.stdin.isTTY && process.stdout.isTTY;
  if (missing.length && !interactive) {
    throw new UsageError(`${command} needs ${missing.map((f) => `--${f.flag} (${f.about})`).join(', ')}`);
  }
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    for (const f of fields) {
      let value = given[f.flag] as string | undefined;
      while (value === undefined && rl && !f.optional && f.default === undefined) {
        const answer = (await rl.question(`${f.about}\n  ${f.flag}: `)).trim();
        const problem = answer ? f.check?.(answer) : 'an answer is needed';
        if (problem) process.stdout.write(`  ${problem}\n`);
        else value = answer;
      }
      value ??= f.default;
      if (value !== undefined) {
        const problem = f.check?.(value);
        if (problem) throw new UsageError(`--${f.flag} '${value}': ${problem}`);
      }
      out[f.flag] = value;
      // A retried edit (another command wrote meanwhile) must not ask again.
      if (value !== undefined && f.default === undefined) given[f.flag] = value;
    }
  } finally {
    rl?.close();
  }
  return out;
}

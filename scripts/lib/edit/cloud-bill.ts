/**
 * What every cloud billing export comes down to, whichever system wrote it:
 * lines of cost, each with its month, billing account, project or account,
 * hub tag and currency. gcp.ts and aws.ts read their systems' files into
 * these lines; this module reads the cells they share and finds an export's
 * columns by its headings.
 */
import { MINOR_UNITS } from '../money/currency.js';
import { Decimal, dec } from '../money/decimal.js';
import type { RowProblem } from './csv.js';
import { count } from '../text/grouped.js';

export type CloudProvider = 'gcp' | 'aws';

export interface BillLine {
  /** The line of the export the cost comes from. */
  line: number;
  /** YYYY-MM. */
  month: string;
  /** GCP's billing account, AWS's payer account; undefined when the export does not name it (Cost Explorer). */
  billingAccount?: string;
  /** The GCP project or AWS usage account ('(none)' when the export gives none). */
  account: string;
  /** The hub-name label or tag, when the row has one. */
  tag?: string;
  cost: Decimal;
  currency: string;
}

/** An export read: its lines of cost, or the located faults of the cells that could not be read. */
export interface Bill {
  /** The system's name for the export, e.g. "a GCP billing export", for the summary. */
  source: string;
  lines: BillLine[];
  errors: string[];
  /** Rows read but not bills, such as Cost Explorer's total row. */
  skipped: number;
  /** Months the export covers beyond those of its lines (a Cost Explorer period without cost). */
  months?: string[];
}

/** The label or tag that names a row's hub in a billing export. */
export const HUB_TAG = 'hub-name';

/**
 * An export's columns, each declared as the headings systems write it under
 * (lowercased; the first found is used) and whether the import needs it.
 */
export type Headings = Record<string, { names: readonly string[]; required: boolean }>;

/** The column (lowercased heading) of each declared column in the file; undefined for an optional one it lacks. */
export function columnsOf<H extends Headings>(header: readonly string[], headings: H): Record<keyof H, string> {
  return Object.fromEntries(
    Object.entries(headings).map(([k, h]) => [k, h.names.find((n) => header.includes(n))]),
  ) as Record<keyof H, string>;
}

/** The required columns the file lacks, each named by its first heading. */
export function missingColumns(header: readonly string[], headings: Headings): string[] {
  return Object.values(headings)
    .filter((h) => h.required && !h.names.some((n) => header.includes(n)))
    .map((h) => h.names[0]);
}

/** Whether the file's headings include enough of an export's to take it for one (for a hint, not a refusal). */
export function looksLike(header: readonly string[], headings: Headings): boolean {
  const found = Object.values(headings).filter((h) => h.names.some((n) => header.includes(n))).length;
  return found >= Math.min(3, Object.keys(headings).length);
}

// Exports write plain decimals, tiny ones in exponent form (1.2e-05), negative ones for credits.
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cost cell as an exact decimal, or the fault to locate. */
export function costOf(text: string, column: string, what = 'the cost'): Decimal | RowProblem {
  return NUMBER.test(text) ? dec(text.replace(/^\+/, '')) : [column, `${what} '${text}' is not a number`];
}

export function currencyProblem(currency: string, column: string): RowProblem | undefined {
  return currency in MINOR_UNITS
    ? undefined
    : [column, `currency '${currency}' is not a currency code such as USD or CAD`];
}

/** A list of names for a summary: at most `max`, the rest counted. */
export function named(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join('; ');
  return `${items.slice(0, max).join('; ')}; and ${count(items.length - max)} more`;
}

/** "lines 2, 4" for a few rows; "1,234 rows" for many, so a big export's summary stays short. */
export function rowsText(lines: readonly number[]): string {
  return lines.length <= 5 ? `lines ${lines.join(', ')}` : `${count(lines.length)} rows`;
}

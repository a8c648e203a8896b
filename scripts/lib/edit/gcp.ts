/**
 * GCP's Cloud Billing export to BigQuery, saved as CSV. BigQuery cannot write
 * nested or repeated fields to CSV, so the saved query flattens them: a
 * record's field is a column named `record.field` (as the BigQuery console
 * shows it) or `record_field` (as an alias must be spelt in SQL), and the
 * repeated `labels` and `credits` are JSON lists (TO_JSON_STRING). See
 * docs/guide.md for the query.
 */
import { dec, sum } from '../money/decimal.js';
import { columnsOf, costOf, currencyProblem, HUB_TAG, type Bill, type BillLine, type Headings } from './cloud-bill.js';
import { located, type RowProblem, type Rows } from './csv.js';

export const GCP_HEADINGS = {
  billingAccount: { names: ['billing_account_id'], required: true },
  project: { names: ['project.id', 'project_id'], required: true },
  labels: { names: ['labels'], required: false },
  start: { names: ['usage_start_time'], required: true },
  cost: { names: ['cost'], required: true },
  currency: { names: ['currency'], required: true },
  credits: { names: ['credits'], required: false },
  invoiceMonth: { names: ['invoice.month', 'invoice_month'], required: false },
} as const satisfies Headings;

// GCP invoices by the Pacific calendar: usage in the first hours of a month (UTC) is the month before's.
const PACIFIC = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
});

/** The rows of a GCP billing export as lines of cost; a row's cost is its cost plus its credits (negative). */
export function readGcp(csv: Rows): Bill {
  const c = columnsOf(csv.header, GCP_HEADINGS);
  const lines: BillLine[] = [];
  const errors: string[] = [];
  for (const { line, row } of csv.rows) {
    const read = readRow(row, c);
    if (Array.isArray(read)) errors.push(located(csv, line, read));
    else lines.push({ line, ...read });
  }
  return { source: 'a GCP billing export', lines, errors, skipped: 0 };
}

function readRow(
  row: Record<string, string>,
  c: Record<keyof typeof GCP_HEADINGS, string | undefined>,
): Omit<BillLine, 'line'> | RowProblem {
  const month = monthOf(row, c);
  if (Array.isArray(month)) return month;
  const cost = costOf(row[c.cost!], c.cost!);
  if (Array.isArray(cost)) return cost;
  const credits = c.credits ? creditsOf(row[c.credits], c.credits) : dec(0);
  if (Array.isArray(credits)) return credits;
  const currency = row[c.currency!];
  const problem = currencyProblem(currency, c.currency!);
  if (problem) return problem;
  const tag = c.labels ? labelOf(row[c.labels], HUB_TAG, c.labels) : undefined;
  if (Array.isArray(tag)) return tag;
  return {
    month,
    billingAccount: row[c.billingAccount!] || undefined,
    account: row[c.project!] || '(none)',
    ...(tag && { tag }),
    cost: cost.plus(credits),
    currency,
  };
}

/** `invoice.month` (YYYYMM) when the row has one, else the month of the usage start in US Pacific time. */
function monthOf(row: Record<string, string>, c: Record<keyof typeof GCP_HEADINGS, string | undefined>) {
  const invoice = c.invoiceMonth ? row[c.invoiceMonth] : '';
  if (invoice) {
    const m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(invoice);
    return m
      ? `${m[1]}-${m[2]}`
      : ([c.invoiceMonth!, `the invoice month '${invoice}' is not a month written YYYYMM`] as RowProblem);
  }
  const start = row[c.start!];
  const month = pacificMonth(start);
  return month ?? ([c.start!, `the usage start '${start}' is not a date and time`] as RowProblem);
}

/**
 * The Pacific month of a BigQuery timestamp as a CSV writes it
 * ("2025-12-01 03:00:00 UTC", "2025-12-01T03:00:00Z", "…-08:00"; no zone is
 * UTC). A bare date is taken as that day.
 */
export function pacificMonth(text: string): string | undefined {
  const date = /^(\d{4}-(0[1-9]|1[0-2]))-\d{2}$/.exec(text);
  if (date) return date[1];
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const zone = !m[3] || /^(z|utc)$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = new Date(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(at.getTime())) return undefined;
  return PACIFIC.format(at).slice(0, 7);
}

/** Σ of the amounts of a `credits` cell, a JSON list of {name, amount, type} (blank or [] for none). */
function creditsOf(text: string, column: string): ReturnType<typeof dec> | RowProblem {
  if (!text) return dec(0);
  const fault: RowProblem = [column, `the credits '${short(text)}' are not a JSON list of {name, amount, type}`];
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return fault;
  }
  if (!Array.isArray(list)) return fault;
  const amounts = [];
  for (const credit of list as unknown[]) {
    const amount = (credit as { amount?: unknown } | null)?.amount;
    // BigQuery writes FLOAT64 in its shortest exact form, which String() gives back digit for digit.
    const value = typeof amount === 'number' || typeof amount === 'string' ? costOf(String(amount), column) : fault;
    if (Array.isArray(value)) return fault;
    amounts.push(value);
  }
  return sum(amounts);
}

/** The value of `key` in a `labels` cell: a JSON list of {key, value} (blank or [] for none). */
function labelOf(text: string, key: string, column: string): string | undefined | RowProblem {
  if (!text) return undefined;
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list)) return [column, `the labels '${short(text)}' are not a JSON list of {key, value}`];
  const found = (list as ({ key?: unknown; value?: unknown } | null)[]).find((l) => l?.key === key)?.value;
  return typeof found === 'string' && found ? found : undefined;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

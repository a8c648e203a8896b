/**
 * AWS's two CSV bills, told apart by their headings: a Cost and Usage
 * Report (one row per line item; CUR 2.0's snake_case headings too), and a
 * Cost Explorer "Download CSV" grouped by the hub tag (one column per tag
 * value, one row per period).
 */
import { dec, type Decimal } from '../money/decimal.js';
import {
  columnsOf,
  costOf,
  currencyProblem,
  HUB_TAG,
  missingColumns,
  type Bill,
  type BillLine,
  type Headings,
} from './cloud-bill.js';
import { located, type RowProblem, type Rows } from './csv.js';

export const CUR_HEADINGS = {
  payer: { names: ['bill/payeraccountid', 'bill_payer_account_id'], required: false },
  account: { names: ['lineitem/usageaccountid', 'line_item_usage_account_id'], required: true },
  start: { names: ['lineitem/usagestartdate', 'line_item_usage_start_date'], required: true },
  cost: { names: ['lineitem/unblendedcost', 'line_item_unblended_cost'], required: true },
  currency: { names: ['lineitem/currencycode', 'line_item_currency_code'], required: true },
  tag: { names: [`resourcetags/user:${HUB_TAG}`], required: false },
  // CUR 2.0 keeps the tags in one column, a JSON map with keys such as "user_hub_name".
  tags: { names: ['resource_tags'], required: false },
} as const satisfies Headings;

/**
 * Cost Explorer's CSV, as the console writes it: the first column holds the
 * period's start date (or, on the first row, "Tag total" or "Service
 * total"); each other column is headed `<tag value>($)` (or
 * `hub-name$<value>($)`), `No tagkey: hub-name($)` for the costs without the
 * tag (SPEC-3 says "No tag key"; both are read), and `Total cost ($)`.
 */
export const COST_EXPLORER = {
  amount: /^(.*?)\s*\(\$\)$/,
  untagged: /^no\s*tag\s*key:\s*(.*)$/i,
  total: /^total\s+costs?$/i,
  totalRow: /total$/i,
} as const;

export function isCostExplorer(csv: Rows): boolean {
  return missingColumns(csv.header, CUR_HEADINGS).length > 0 && csv.header.some((h) => COST_EXPLORER.amount.test(h));
}

export function readAws(csv: Rows): Bill {
  return isCostExplorer(csv) ? readCostExplorer(csv) : readCur(csv);
}

function readCur(csv: Rows): Bill {
  const c = columnsOf(csv.header, CUR_HEADINGS);
  const lines: BillLine[] = [];
  const errors: string[] = [];
  for (const { line, row } of csv.rows) {
    const month = /^(\d{4}-(0[1-9]|1[0-2]))-\d{2}/.exec(row[c.start])?.[1];
    const cost: Decimal | RowProblem = month
      ? costOf(row[c.cost], c.cost)
      : [c.start, `the usage start '${row[c.start]}' is not a date`];
    const problem = Array.isArray(cost) ? cost : currencyProblem(row[c.currency], c.currency);
    const tag = c.tag ? row[c.tag] : c.tags ? tagOf(row[c.tags], c.tags) : undefined;
    if (problem || Array.isArray(tag)) {
      errors.push(located(csv, line, problem ?? (tag as RowProblem)));
      continue;
    }
    const account = row[c.account] || '(none)';
    lines.push({
      line,
      month: month!,
      billingAccount: (c.payer && row[c.payer]) || account,
      account,
      ...(tag && { tag }),
      cost: cost as Decimal,
      currency: row[c.currency],
    });
  }
  return { source: 'an AWS Cost and Usage Report', lines, errors, skipped: 0 };
}

/** The hub tag in CUR 2.0's `resource_tags`, a JSON map (blank or {} for none). */
function tagOf(text: string, column: string): string | undefined | RowProblem {
  if (!text) return undefined;
  try {
    const tags = JSON.parse(text) as unknown;
    if (tags && typeof tags === 'object' && !Array.isArray(tags)) {
      const value = (tags as Record<string, unknown>)[`user_${HUB_TAG.replace(/-/g, '_')}`];
      return typeof value === 'string' && value ? value : undefined;
    }
  } catch {
    // Refused below.
  }
  return [column, `the resource tags '${text}' are not a JSON map of tags`];
}

function readCostExplorer(csv: Rows): Bill {
  const headings = csv.headings ?? csv.header;
  const columns = csv.header.flatMap((column, i) => {
    const name = COST_EXPLORER.amount.exec(headings[i])?.[1];
    if (name === undefined || COST_EXPLORER.total.test(name)) return [];
    const untagged = COST_EXPLORER.untagged.test(name);
    // A heading may carry the tag key before the value ("hub-name$alpha"), as Cost Explorer's API names groups.
    const tag = untagged ? undefined : name.replace(/^[^$]*\$/, '');
    return [{ column, tag }];
  });
  const first = csv.header[0];
  const lines: BillLine[] = [];
  const errors: string[] = [];
  let skipped = 0;
  const months = new Set<string>();
  for (const { line, row } of csv.rows) {
    const period = row[first];
    if (COST_EXPLORER.totalRow.test(period)) {
      skipped++;
      continue;
    }
    const month = /^(\d{4}-(0[1-9]|1[0-2]))(-\d{2})?$/.exec(period)?.[1];
    if (!month) {
      errors.push(located(csv, line, [first, `'${period}' is not the date a period starts`]));
      continue;
    }
    months.add(month);
    for (const { column, tag } of columns) {
      // An empty cell is a period without cost for that tag value.
      const cost = row[column] ? costOf(row[column], column) : dec(0);
      if (Array.isArray(cost)) errors.push(located(csv, line, cost));
      else if (!cost.isZero())
        lines.push({ line, month, account: '(none)', ...(tag && { tag }), cost, currency: 'USD' });
    }
  }
  return { source: 'an AWS Cost Explorer export', lines, errors, skipped, months: [...months] };
}

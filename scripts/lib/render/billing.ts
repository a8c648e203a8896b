/**
 * The billing statement as finance sends it (Markdown, per partner, a total
 * per currency), as CSV (one row per line) and as JSON (SPEC-2 G).
 */
import { MINOR_UNITS } from '../money/currency.js';
import { toFixed, type Decimal } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import type { Repository } from '../model/repository.js';
import { partnerName } from '../figures/context.js';
import { totalsByCurrency, type BillingLine } from '../figures/billing.js';
import { md } from './markdown.js';

const amountText = (d: Decimal | undefined, currency: Currency) =>
  d === undefined ? '' : toFixed(d, MINOR_UNITS[currency]);
const grouped = (s: string) => s.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

export function billingJson(lines: readonly BillingLine[], month: string, currency: string) {
  return {
    month,
    currency,
    lines: lines.map((l) => ({
      contract: l.contract,
      partner: l.partner,
      kind: l.kind,
      ref: l.ref,
      description: l.description,
      period_from: l.period_from,
      period_to: l.period_to,
      amount: l.amount === undefined ? null : amountText(l.amount, l.currency),
      currency: l.currency,
      status: l.status,
      invoiced_by: l.invoiced_by ?? null,
    })),
  };
}

const CSV_COLUMNS = [
  'contract',
  'partner',
  'kind',
  'ref',
  'description',
  'period_from',
  'period_to',
  'amount',
  'currency',
  'invoiced_by',
] as const;

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function billingCsv(lines: readonly BillingLine[]): string {
  const rows = lines.map((l) =>
    [
      l.contract,
      l.partner,
      l.kind,
      l.ref,
      l.description,
      l.period_from,
      l.period_to,
      amountText(l.amount, l.currency),
      l.currency,
      l.invoiced_by ?? '',
    ].map(csvCell),
  );
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

const KIND_WORD = { fee: 'fee', usage: 'usage', cloud: 'cloud (reimbursement)', 'one-time': 'one-time' } as const;

function statusText(l: BillingLine): string {
  if (l.status === 'invoiced') return `invoiced (${md(l.invoiced_by!)})`;
  return l.status === 'pending' ? '**pending**' : 'to invoice';
}

/** The Markdown statement: per partner its lines and a total per currency; pending lines said, not totalled. */
export function billingMarkdown(repo: Repository, lines: readonly BillingLine[], month: string): string {
  return `# Billing statement — ${month}\n\n${billingBody(repo, lines, month)}`;
}

/** The statement without its title (the report puts its own header above it). */
export function billingBody(repo: Repository, lines: readonly BillingLine[], month: string): string {
  const out = [
    `What to invoice for ${month}, per partner: each contract's fixed fees for the billing periods invoiced in ` +
      `${month}, its usage fees of ${month}, its pass-through cloud costs of ${month} (a reimbursement, billed on ` +
      `its own line) and its one-time fees dated in ${month}. Amounts are in each contract's currency. ` +
      `**Pending** lines wait for the month's usage or cloud bill to be recorded and are not in the totals.`,
    '',
  ];
  if (lines.length === 0) out.push('Nothing to invoice for this month.', '');
  // Each partner's lines, in the order the partners first appear (one pass: thousands of partners stay linear).
  const byPartner = new Map<string, BillingLine[]>();
  for (const l of lines) {
    const own = byPartner.get(l.partner);
    if (own) own.push(l);
    else byPartner.set(l.partner, [l]);
  }
  const folders = new Map(repo.partners.map((p) => [p.id, p]));
  for (const [id, own] of byPartner) {
    const folder = folders.get(id);
    out.push(`## ${md(folder ? partnerName(folder) : id)}`, '');
    out.push('| Contract | Line | Kind | Period | Amount | Currency | Status |', '|---|---|---|---|---:|---|---|');
    for (const l of own) {
      const period = l.period_from === l.period_to ? l.period_from : `${l.period_from} to ${l.period_to}`;
      const amount = l.amount === undefined ? '—' : grouped(amountText(l.amount, l.currency));
      const cells = [md(l.contract), md(l.description), KIND_WORD[l.kind], period, amount, l.currency, statusText(l)];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
    const totals = totalsByCurrency(own).map(
      (t) => `${grouped(amountText(t.total, t.currency as Currency))} ${t.currency}`,
    );
    out.push(`**Total:** ${totals.length ? totals.join(' · ') : '— (every line is pending)'}`, '');
  }
  return out.join('\n');
}

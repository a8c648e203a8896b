/**
 * The billing statement of month M (SPEC-2 A): for every non-draft
 * contract, the lines to invoice for M — fixed fees of each billing period
 * invoiced in M (an advance period starting in M, an arrears period ending
 * in M), the usage fee of M of each metered fee, the pass-through cloud
 * costs of M × (1 + markup), and one-time fees dated in M — each saying
 * whether a non-void invoice already bills it. Amounts are in the
 * contract's currency, rounded to its minor unit once per line.
 */
import { MINOR_UNITS } from '../money/currency.js';
import { Decimal, dec, sum, toFixed, ZERO } from '../money/decimal.js';
import { billedBy, feePeriods, invoicesOf, type FeePeriod } from '../model/invoice-bills.js';
import type { Contract } from '../model/records.js';
import type { Repository } from '../model/repository.js';
import { lastDay, monthOf } from '../time/calendar.js';
import { daysInside, monthPeriod } from '../time/periods.js';
import { figureContext, type ContractView, type FigureContext } from './context.js';
import { billingContractForHub } from './revenue.js';
import { contractUsageFees } from './usage-fees.js';
import { count } from '../text/grouped.js';

export type LineKind = 'fee' | 'usage' | 'cloud' | 'one-time';
export type LineStatus = 'to-invoice' | 'invoiced' | 'pending';

export interface BillingLine {
  contract: string;
  partner: string;
  kind: LineKind;
  /** The fee, one-time fee or hub the line bills. */
  ref: string;
  description: string;
  period_from: string;
  period_to: string;
  /** In the contract's currency, rounded to its minor unit; undefined while pending. */
  amount?: Decimal;
  currency: Contract['currency'];
  status: LineStatus;
  /** The number of the non-void invoice that already bills the line. */
  invoiced_by?: string;
}

/** The fee periods of the contract invoiced in `month`, by its `billing.in`. */
function invoicedIn(contract: Contract, month: string): FeePeriod[] {
  const when = contract.billing.in;
  return feePeriods(contract).filter((p) => monthOf(when === 'advance' ? p.from : p.to) === month);
}

function contractLines(ctx: FigureContext, view: ContractView, month: string): BillingLine[] {
  const { contract, partner } = view;
  const round = (d: Decimal) => dec(toFixed(d, MINOR_UNITS[contract.currency]));
  const base = { contract: contract.id, partner: partner.id, currency: contract.currency };
  const lines: BillingLine[] = [];
  for (const period of invoicedIn(contract, month))
    for (const { fee, amount } of period.fees)
      lines.push({
        ...base,
        kind: 'fee',
        ref: fee.id,
        description: fee.description,
        period_from: period.from,
        period_to: period.to,
        amount,
        status: 'to-invoice',
      });
  const inMonth = { from: monthPeriod(month).from, to: monthPeriod(month).to };
  const clipped = {
    from: inMonth.from > view.effective.from ? inMonth.from : view.effective.from,
    to: inMonth.to < view.effective.to ? inMonth.to : view.effective.to,
  };
  for (const u of contractUsageFees(ctx, view, month)) {
    const fee = contract.fees.find((f) => f.id === u.fee)!;
    lines.push({
      ...base,
      kind: 'usage',
      ref: u.fee,
      description: u.pending
        ? `${fee.description}: pending, usage of ${month} not recorded`
        : `${fee.description}: ${count(u.users!)} monthly active users`,
      period_from: clipped.from,
      period_to: clipped.to,
      amount: u.pending ? undefined : round(u.amount),
      status: u.pending ? 'pending' : 'to-invoice',
    });
  }
  if (contract.cloud.billing === 'pass-through' && daysInside(inMonth, view.effective) > 0) {
    const markup = dec(contract.cloud.markup_pct ?? 0)
      .dividedBy(100)
      .plus(1);
    for (const hub of contract.hubs ?? []) {
      if (billingContractForHub(ctx, partner, hub, month) !== view) continue;
      const costs = partner.cloudCosts.filter((c) => c.value.hub === hub && c.value.month === month);
      const amount = sum(
        costs.map((c) => {
          const own = dec(c.value.amount).times(markup);
          if (c.value.currency === contract.currency) return own;
          // Another currency: through the reporting currency at M's rates.
          const one = ctx.fx.convert(new Decimal(1), contract.currency, month);
          return ctx.fx.convert(own, c.value.currency, month).dividedBy(one);
        }),
      );
      lines.push({
        ...base,
        kind: 'cloud',
        ref: hub,
        description: costs.length
          ? `Cloud costs of ${hub}${contract.cloud.markup_pct ? ` + ${contract.cloud.markup_pct} %` : ''}`
          : `Cloud costs of ${hub}: pending, cloud bill of ${month} not recorded`,
        period_from: inMonth.from,
        period_to: inMonth.to,
        amount: costs.length ? round(amount) : undefined,
        status: costs.length ? 'to-invoice' : 'pending',
      });
    }
  }
  for (const o of contract.one_time ?? [])
    if (monthOf(o.date) === month)
      lines.push({
        ...base,
        kind: 'one-time',
        ref: o.id,
        description: o.description,
        period_from: o.date,
        period_to: o.date,
        amount: round(dec(o.amount)),
        status: 'to-invoice',
      });
  const invoices = invoicesOf(partner);
  for (const line of lines) {
    if (line.status === 'pending') continue;
    const by = billedBy(contract, invoices, {
      kind: line.kind,
      ref: line.ref,
      from: line.period_from,
      to: line.period_to,
    });
    if (by) Object.assign(line, { status: 'invoiced', invoiced_by: by });
  }
  return lines;
}

/**
 * Every line of M's billing statement, by partner, contract and kind as found. Worked out once per records and
 * month: the report writes the statement and the dashboard lists its lines to invoice.
 */
export function billingStatement(repo: Repository, month: string): readonly BillingLine[] {
  let byMonth = STATEMENTS.get(repo);
  if (!byMonth) STATEMENTS.set(repo, (byMonth = new Map<string, readonly BillingLine[]>()));
  let lines = byMonth.get(month);
  if (!lines) {
    const ctx = figureContext(repo, lastDay(month));
    lines = ctx.contracts.filter((v) => v.contract.status !== 'draft').flatMap((v) => contractLines(ctx, v, month));
    byMonth.set(month, lines);
  }
  return lines;
}

const STATEMENTS = new WeakMap<Repository, Map<string, readonly BillingLine[]>>();

/** The total of the lines with an amount, per currency, in currency order. */
export function totalsByCurrency(lines: readonly BillingLine[]): { currency: string; total: Decimal }[] {
  const totals = new Map<string, Decimal>();
  for (const l of lines) if (l.amount) totals.set(l.currency, (totals.get(l.currency) ?? ZERO).plus(l.amount));
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => ({ currency, total }));
}

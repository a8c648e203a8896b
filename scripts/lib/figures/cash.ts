/**
 * Cash on hand at D (SPEC-3 S1): the latest statement of finance/cash.yaml
 * on or before D (statements dated later were taken back before any figure),
 * converted at the rate of its own month: the bank said that amount that day.
 */
import { dec, type Decimal } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import { monthOf } from '../time/calendar.js';
import type { FigureContext } from './context.js';

export interface CashOnHand {
  date: string;
  /** The statement's amount, in its own currency. */
  amount: Decimal;
  currency: Currency;
  /** In the reporting currency, at the rate of the statement's month. */
  converted: Decimal;
  note?: string;
}

export function cashAt(ctx: FigureContext): CashOnHand | undefined {
  let latest: (typeof ctx.repo.cashStatements)[number]['value'] | undefined;
  // On a tie the later line of the file wins: it was written after the first.
  for (const { value } of ctx.repo.cashStatements) if (!latest || value.date >= latest.date) latest = value;
  if (!latest) return undefined;
  const currency = latest.currency ?? ctx.repo.config.reporting_currency;
  const amount = dec(latest.amount);
  return {
    date: latest.date,
    amount,
    currency,
    converted: ctx.fx.convert(amount, currency, monthOf(latest.date)),
    ...(latest.note !== undefined && { note: latest.note }),
  };
}

/**
 * Usage fees (SPEC-2 A): the monthly fee of a contract's metered fees from
 * the monthly active users of its hubs. U = Σ active_users of the month over
 * the contract's hubs; the fee is the banded price of U (the fee's own bands,
 * else the book in force at signing), at most its cap, prorated by the share
 * of the month's days inside the contract's effective term. Until every hub
 * of the contract has the month's usage recorded the fee is pending: it
 * counts 0 and is listed, never silently 0.
 */
import { Decimal, ZERO } from '../money/decimal.js';
import { meteredFees } from '../model/contract-terms.js';
import { daysInMonth } from '../time/calendar.js';
import { monthDaysInside } from './recurring.js';
import { memoizedFor, type ContractView, type FigureContext } from './context.js';
import { feeBands, usageFee } from './price-book.js';

export interface UsageFeeOfMonth {
  /** The metered fee's id. */
  fee: string;
  month: string;
  /** Σ active users over the contract's hubs; undefined while pending. */
  users?: number;
  /** The prorated fee in the contract's currency (0 while pending). */
  amount: Decimal;
  /** The usage of the month is not recorded for every hub of the contract. */
  pending: boolean;
}

/** The usage fees of a contract's metered fees in `month` (none when the contract is not in force that month). */
export function contractUsageFees(ctx: FigureContext, view: ContractView, month: string): readonly UsageFeeOfMonth[] {
  const metered = meteredFees(view.contract);
  // Most contracts have no metered fee: one shared empty answer, asked for every contract and month of the trend.
  if (metered.length === 0) return NO_USAGE_FEES;
  return memoizedFor(ctx, 'usage fees', month, view.contract, () => {
    const days = monthDaysInside(month, view.effective);
    if (days === 0) return NO_USAGE_FEES;
    const hubs = view.contract.hubs ?? [];
    const rows = view.partner.usage.filter((u) => u.value.month === month && hubs.includes(u.value.hub));
    const pending = hubs.length === 0 || hubs.some((h) => !rows.some((u) => u.value.hub === h));
    const users = rows.reduce((n, u) => n + u.value.active_users, 0);
    const books = ctx.repo.priceBooks.map((b) => b.value);
    return metered.map((fee): UsageFeeOfMonth => {
      if (pending) return { fee: fee.id, month, amount: ZERO, pending: true };
      const bands = feeBands(books, view.contract, fee) ?? [];
      const full = usageFee(bands, users, fee.cap);
      return { fee: fee.id, month, users, amount: full.times(days).dividedBy(daysInMonth(month)), pending: false };
    });
  });
}

const NO_USAGE_FEES: readonly UsageFeeOfMonth[] = [];

/** A contract's usage fees in `month`, in the reporting currency, before the sponsor fee (pending ones count 0). */
export function usageRevenue(ctx: FigureContext, view: ContractView, month: string): Decimal {
  const own = contractUsageFees(ctx, view, month).reduce((t, u) => t.plus(u.amount), ZERO);
  return own.isZero() ? ZERO : ctx.fx.convert(own, view.contract.currency, month);
}

/** Non-draft contracts whose usage fee of `month` is pending (usage not recorded), by contract id. */
export function pendingUsage(ctx: FigureContext, month: string): string[] {
  return ctx.contracts
    .filter((v) => v.contract.status !== 'draft' && contractUsageFees(ctx, v, month).some((u) => u.pending))
    .map((v) => v.contract.id)
    .sort();
}

/** Every usage fee of `month` of the non-draft contracts, in the reporting currency (the metrics' usage_fees). */
export function usageFeesOfMonth(
  ctx: FigureContext,
  month: string,
): { contract: string; month: string; users: number | undefined; amount: Decimal; pending: boolean }[] {
  return ctx.contracts
    .filter((v) => v.contract.status !== 'draft')
    .flatMap((v) =>
      contractUsageFees(ctx, v, month).map((u) => ({
        contract: v.contract.id,
        month,
        users: u.users,
        amount: u.amount.isZero() ? ZERO : ctx.fx.convert(u.amount, v.contract.currency, month),
        pending: u.pending,
      })),
    );
}

/**
 * Cost recovery: the organisation's MRC / MRR, its trend, and each partner's
 * costs against its revenue — one direction for every ratio (SPEC-3 R5):
 * costs ÷ revenue, lower is better.
 */
import { add, Decimal } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { addMonths } from '../time/calendar.js';
import { monthPeriod } from '../time/periods.js';
import { incompleteMonth, isCompleteMonth, type MissingInput } from './completeness.js';
import type { FigureContext } from './context.js';
import { allocatedCosts, cloudCosts, mrc } from './costs.js';
import { mrr, partnerRevenue } from './revenue.js';
import { pushTo } from '../collections.js';

export interface RecoveryPoint {
  month: string;
  mrr: Decimal;
  mrc: Decimal;
  /** MRC / MRR; undefined when there is no revenue. Below 1: revenue covers costs. */
  ratio: Decimal | undefined;
  /** A cloud bill or a usage figure of the month is not recorded yet: its MRR and MRC are figures so far. */
  incomplete: boolean;
}

export function recoveryAt(ctx: FigureContext, month: string): RecoveryPoint {
  const revenue = mrr(ctx, month);
  const costs = mrc(ctx, month);
  return {
    month,
    mrr: revenue,
    mrc: costs,
    ratio: costRatio(costs, revenue),
    incomplete: !isCompleteMonth(ctx, month),
  };
}

/** Costs ÷ revenue, the direction of every ratio; undefined without revenue (nothing to divide by). */
export function costRatio(costs: Decimal, revenue: Decimal): Decimal | undefined {
  return revenue.isZero() ? undefined : costs.dividedBy(revenue);
}

/** The `months` months up to and including the as-of month, oldest first. */
export function recoveryTrend(ctx: FigureContext, months = 12): RecoveryPoint[] {
  return Array.from({ length: months }, (_, i) => recoveryAt(ctx, addMonths(ctx.month, i - months + 1)));
}

/** How the two cost-recovery figures read: the same words in every report and in docs/figures.md. */
export const RECOVERY_WORDS = {
  ratio: 'Cost recovery ratio (MRC ÷ MRR)',
  ratioReading: 'lower is better: below 1, recurring revenue covers recurring costs',
  partner: 'costs ÷ revenue',
  partnerReading: "lower is better, as for the organisation: below 1, the partner's revenue covers what it costs",
} as const;

/**
 * Why a partner has no costs ÷ revenue figure in a month: no signed contract in force (yet), its cloud bill or
 * usage of the month not recorded, or no revenue to divide by.
 */
export type RecoveryNote = 'no contract yet' | 'no contract' | 'not recorded' | 'no revenue';

export interface PartnerRecovery {
  partner: PartnerFolder;
  revenue: Decimal;
  cloudCost: Decimal;
  sharedCost: Decimal;
  /**
   * (cloud cost + shared cost) / revenue; undefined when it has no contract in force, inputs not recorded or no
   * revenue (the note says which). Below 1: the partner covers its costs.
   */
  ratio: Decimal | undefined;
  /** Its cloud bills or usage of the month not recorded yet: its cloud cost and revenue are figures so far. */
  missing: MissingInput[];
  /**
   * Set when the partner has no signed contract in force in the month: its
   * hub still takes its share of the costs (they are real), but 0 revenue
   * against them says nothing about its price, so there is no ratio.
   */
  note?: RecoveryNote;
}

export function partnerRecovery(ctx: FigureContext, month: string = ctx.month): PartnerRecovery[] {
  // Each partner's missing inputs, in the month's order: filtering the whole list per partner grows with the
  // square of the partners (2.5 s at 10,000).
  const missingOf = new Map<string, MissingInput[]>();
  for (const m of incompleteMonth(ctx, month)) pushTo(missingOf, m.partner, m);
  return ctx.repo.partners.map((partner) => {
    const revenue = partnerRevenue(ctx, partner, month);
    const cloudCost = cloudCosts(ctx, partner, month);
    const sharedCost = allocatedCosts(ctx, partner, month);
    const cost = add(cloudCost, sharedCost);
    const missing = missingOf.get(partner.id) ?? [];
    // A missing bill would read as costs falling — an improvement that is not one — so no ratio until it is in.
    const note =
      (cost.isZero() ? undefined : contractNote(ctx, partner, month)) ??
      (missing.length ? 'not recorded' : revenue.isZero() ? 'no revenue' : undefined);
    return {
      partner,
      revenue,
      cloudCost,
      sharedCost,
      ratio: note ? undefined : costRatio(cost, revenue),
      missing,
      ...(note ? { note } : {}),
    };
  });
}

/**
 * 'no contract yet' when the partner's first signed contract starts after `month`, 'no contract' when none is in
 * force; else undefined.
 */
function contractNote(ctx: FigureContext, partner: PartnerFolder, month: string): RecoveryNote | undefined {
  // One plain loop, the dates compared as text (ISO days): the partner pages ask this of every partner with costs
  // in each of the trend's months. In force: a day in common with the month (what daysInside > 0 says).
  const { from, to } = monthPeriod(month);
  let later = false;
  for (const { contract, effective } of ctx.contractsOf.get(partner) ?? []) {
    if (contract.status === 'draft') continue;
    if (effective.from <= effective.to && effective.from <= to && effective.to >= from) return undefined;
    if (effective.from > to) later = true;
  }
  return later ? 'no contract yet' : 'no contract';
}

/** Cost recovery: the organisation's MRC / MRR, its trend, and each partner's revenue against its costs. */
import { Decimal } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { addMonths, lastDay } from '../time/calendar.js';
import { daysInside, monthPeriod } from '../time/periods.js';
import type { FigureContext } from './context.js';
import { allocatedCosts, cloudCosts, mrc } from './costs.js';
import { mrr, partnerRevenue } from './revenue.js';

export interface RecoveryPoint {
  month: string;
  mrr: Decimal;
  mrc: Decimal;
  /** MRC / MRR; undefined when there is no revenue. Below 1: revenue covers costs. */
  ratio: Decimal | undefined;
}

export function recoveryAt(ctx: FigureContext, month: string): RecoveryPoint {
  const revenue = mrr(ctx, month);
  const costs = mrc(ctx, month);
  return { month, mrr: revenue, mrc: costs, ratio: revenue.isZero() ? undefined : costs.dividedBy(revenue) };
}

/** The `months` months up to and including the as-of month, oldest first. */
export function recoveryTrend(ctx: FigureContext, months = 12): RecoveryPoint[] {
  return Array.from({ length: months }, (_, i) => recoveryAt(ctx, addMonths(ctx.month, i - months + 1)));
}

/** How the two cost-recovery figures read: the same words in every report and in docs/figures.md. */
export const RECOVERY_WORDS = {
  ratio: 'Cost recovery ratio (MRC ÷ MRR)',
  ratioReading: 'lower is better: below 1, recurring revenue covers recurring costs',
  partner: 'revenue ÷ cost',
  partnerReading: "higher is better: above 1, the partner's revenue covers what it costs",
} as const;

/** Why a partner with costs has no revenue ÷ cost figure in a month. */
export type RecoveryNote = 'no contract yet' | 'no contract';

export interface PartnerRecovery {
  partner: PartnerFolder;
  revenue: Decimal;
  cloudCost: Decimal;
  sharedCost: Decimal;
  /**
   * revenue / (cloud cost + shared cost); undefined when it has no costs or no contract. Above 1: the partner
   * covers its costs.
   */
  recovery: Decimal | undefined;
  /**
   * Set when the partner has no signed contract in force in the month: its
   * hub still takes its share of the costs (they are real), but 0 revenue
   * against them says nothing about its price, so there is no ratio.
   */
  note?: RecoveryNote;
}

export function partnerRecovery(ctx: FigureContext, month: string = ctx.month): PartnerRecovery[] {
  return ctx.repo.partners.map((partner) => {
    const revenue = partnerRevenue(ctx, partner, month);
    const cloudCost = cloudCosts(ctx, partner, month);
    const sharedCost = allocatedCosts(ctx, partner, month);
    const cost = cloudCost.plus(sharedCost);
    const note = cost.isZero() ? undefined : contractNote(ctx, partner, month);
    return {
      partner,
      revenue,
      cloudCost,
      sharedCost,
      recovery: cost.isZero() || note ? undefined : revenue.dividedBy(cost),
      ...(note ? { note } : {}),
    };
  });
}

/**
 * 'no contract yet' when the partner's first signed contract starts after `month`, 'no contract' when none is in
 * force; else undefined.
 */
function contractNote(ctx: FigureContext, partner: PartnerFolder, month: string): RecoveryNote | undefined {
  const signed = (ctx.contractsOf.get(partner) ?? []).filter((v) => v.contract.status !== 'draft');
  if (signed.some((v) => daysInside(monthPeriod(month), v.effective) > 0)) return undefined;
  return signed.some((v) => v.effective.from > lastDay(month)) ? 'no contract yet' : 'no contract';
}

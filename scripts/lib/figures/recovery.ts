/** Cost recovery: the organisation's MRC / MRR, its trend, and each partner's revenue against its costs. */
import { Decimal } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { addMonths } from '../time/calendar.js';
import type { FigureContext } from './context.js';
import { allocatedCosts, allocationWeights, cloudCosts, mrc } from './costs.js';
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

export interface PartnerRecovery {
  partner: PartnerFolder;
  revenue: Decimal;
  cloudCost: Decimal;
  sharedCost: Decimal;
  /** revenue / (cloud cost + shared cost); undefined when it has no costs. Above 1: the partner covers its costs. */
  recovery: Decimal | undefined;
}

export function partnerRecovery(ctx: FigureContext, month: string = ctx.month): PartnerRecovery[] {
  const weights = allocationWeights(ctx, month);
  return ctx.repo.partners.map((partner) => {
    const revenue = partnerRevenue(ctx, partner, month);
    const cloudCost = cloudCosts(ctx, partner, month);
    const sharedCost = allocatedCosts(ctx, weights, partner, month);
    const cost = cloudCost.plus(sharedCost);
    return { partner, revenue, cloudCost, sharedCost, recovery: cost.isZero() ? undefined : revenue.dividedBy(cost) };
  });
}

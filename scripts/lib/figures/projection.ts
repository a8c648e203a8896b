/**
 * The runway picture: for each of the next 18 months, committed revenue
 * (signed contracts), weighted pipeline revenue (drafts at or above the
 * cut-off, times their probability) and the recurring costs in force.
 * Future cloud bills are unknown, so pass-through cloud revenue and cloud
 * costs are left out of both sides. Committed means the fixed fees signed
 * for: a future month's usage is not recorded, so its usage fees are not
 * committed (SPEC-3 R3); expected usage is a figure of its own, never added.
 */
import { fixedFees } from '../model/contract-terms.js';
import { Decimal, sum, times, ZERO } from '../money/decimal.js';
import type { Fee } from '../model/records.js';
import { addMonths, lastDay } from '../time/calendar.js';
import { memoized, type ContractView, type FigureContext } from './context.js';
import { recurringCosts } from './costs.js';
import { feeRevenue } from './revenue.js';
import { monthlyFigure } from './recurring.js';

export const PROJECTION_MONTHS = 18;
export const SERVICES = ['core-support', 'hub-service', 'development', 'unspecified'] as const;
export type Service = (typeof SERVICES)[number];

export interface ProjectionMonth {
  month: string;
  committed: Decimal;
  pipeline: Decimal;
  costs: Decimal;
  /** Committed revenue by the fees' service type. */
  committedByService: Record<Service, Decimal>;
}

function inPipeline(ctx: FigureContext, v: ContractView): boolean {
  return v.contract.status === 'draft' && (v.contract.probability ?? 0) >= ctx.repo.config.pipeline_min_probability;
}

export function serviceOf(fee: Fee): Service {
  return fee.service ?? 'unspecified';
}

/**
 * The first `months` months of the projection at the as-of date. Each month
 * is computed once for every figure that reads it: the forecast MRR needs
 * six, so last month's dashboard figures compute six, not eighteen.
 */
export function projectionAt(ctx: FigureContext, months = PROJECTION_MONTHS): ProjectionMonth[] {
  return Array.from({ length: months }, (_, i) =>
    memoized(ctx, `projection ${ctx.asOf} ${i + 1}`, () => projectionMonth(ctx, addMonths(ctx.month, i + 1))),
  );
}

/** One month of the projection: committed (fixed-fee) and pipeline revenue, and the recurring costs. */
function projectionMonth(ctx: FigureContext, month: string): ProjectionMonth {
  const { committedViews, pipelineViews } = memoized(ctx, `projection views ${ctx.asOf}`, () => {
    // Every month projected is after M: a contract whose term in force ended by M's last day has no day in any
    // (its monthly figure would be 0, which adds nothing), and most contracts of a team of some years have ended.
    const afterM = lastDay(ctx.month);
    return {
      committedViews: ctx.contracts.filter((v) => v.contract.status !== 'draft' && v.effective.to > afterM),
      pipelineViews: ctx.contracts.filter((v) => inPipeline(ctx, v)),
    };
  });
  const byService = new Map<Service, Decimal>(SERVICES.map((s) => [s, ZERO]));
  for (const v of committedViews) {
    for (const fee of fixedFees(v.contract)) {
      const own = monthlyFigure({ amount: fee.amount, per: fee.per, effective: v.effective, term: v.term }, month);
      if (!own.isZero())
        byService.set(
          serviceOf(fee),
          byService.get(serviceOf(fee))!.plus(ctx.fx.convert(own, v.contract.currency, month)),
        );
    }
  }
  const committedByService = Object.fromEntries(
    SERVICES.map((s) => [s, times(byService.get(s)!, ctx.netOfSponsor)]),
  ) as Record<Service, Decimal>;
  const pipeline = times(
    sum(pipelineViews.map((v) => feeRevenue(ctx, v, month).times(v.contract.probability!).dividedBy(100))),
    ctx.netOfSponsor,
  );
  return {
    month,
    committed: sum(Object.values(committedByService)),
    pipeline,
    costs: recurringCosts(ctx, month),
    committedByService,
  };
}

export const ACCOUNT_SIZES = ['small', 'medium', 'large'] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];
export const ACCOUNT_SIZE_LIMITS = { small: new Decimal(10_000), large: new Decimal(45_000) };

/** ≤ 10k small, 10k–45k medium, ≥ 45k large (annualised value, reporting currency). */
export function accountSize(annualValue: Decimal): AccountSize {
  if (annualValue.lessThanOrEqualTo(ACCOUNT_SIZE_LIMITS.small)) return 'small';
  if (annualValue.greaterThanOrEqualTo(ACCOUNT_SIZE_LIMITS.large)) return 'large';
  return 'medium';
}

export interface AccountSizeRow {
  size: AccountSize;
  partners: string[];
  /** Committed fee revenue in the as-of month of the partners of this size. */
  monthly: Decimal;
}

/** Partners with signed fees in force this month, by annualised value (12 × this month's fees). */
export function revenueByAccountSize(ctx: FigureContext): AccountSizeRow[] {
  const rows = new Map<AccountSize, AccountSizeRow>(
    ACCOUNT_SIZES.map((size) => [size, { size, partners: [], monthly: ZERO }]),
  );
  for (const partner of ctx.repo.partners) {
    const views = (ctx.contractsOf.get(partner) ?? []).filter((v) => v.contract.status !== 'draft');
    const monthly = times(sum(views.map((v) => feeRevenue(ctx, v, ctx.month))), ctx.netOfSponsor);
    if (monthly.isZero()) continue;
    const row = rows.get(accountSize(monthly.times(12)))!;
    row.partners.push(partner.id);
    row.monthly = row.monthly.plus(monthly);
  }
  return [...rows.values()];
}

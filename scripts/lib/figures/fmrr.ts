/**
 * Forecast MRR (SPEC-2 C): for each of the 6 months m after M,
 * FMRR(m) = CMRR(m) + ρ × RMRR(m) + η × NMRR(m), where CMRR is the
 * projection's committed revenue (read, not computed again), RMRR the
 * revenue up for renewal and NMRR the fees of draft contracts.
 */
import { fixedFees } from '../model/contract-terms.js';
import { dec, sum, times, type Decimal } from '../money/decimal.js';
import { addMonths, firstDay, monthOf } from '../time/calendar.js';
import { monthPeriod } from '../time/periods.js';
import type { ContractView, FigureContext } from './context.js';
import type { ProjectionMonth } from './projection.js';
import { monthlyFigure } from './recurring.js';
import { feeRevenue } from './revenue.js';

export const FMRR_MONTHS = 6;

export interface FmrrMonth {
  month: string;
  cmrr: Decimal;
  rmrr: Decimal;
  nmrr: Decimal;
  fmrr: Decimal;
  /** The contracts in RMRR(m) and NMRR(m). */
  upForRenewal: string[];
  drafts: string[];
}

export interface Fmrr {
  months: FmrrMonth[];
  /** Σ of the six FMRR(m), exact (rounded once, when shown). */
  total: Decimal;
  renewalWeight: Decimal;
  newWeight: Decimal;
}

const gone = (v: ContractView) =>
  v.partner.profile?.value.stage === 'lost' || v.partner.profile?.value.stage === 'churned';

/**
 * Another contract of the same partner (a draft too) that carries on after
 * this one: it starts after this one starts and ends after this one ends. A
 * statement of work inside a longer agreement does not renew the agreement,
 * and a draft renewal is counted once, in NMRR.
 */
function hasLaterContract(ctx: FigureContext, v: ContractView): boolean {
  return (ctx.contractsOf.get(v.partner) ?? []).some(
    (o) => o !== v && o.contract.start > v.contract.start && o.effective.to > v.effective.to,
  );
}

/**
 * A contract's fixed fees for a whole month at its last month in force
 * (a monthly figure not cut by the end date; a `per: term` price by the days
 * of that month), in the reporting currency at `month`'s rate, net of the
 * sponsor fee.
 */
export function lastMonthFees(ctx: FigureContext, v: ContractView, month: string): Decimal {
  return times(ctx.fx.convert(ownLastMonthFees(v), v.contract.currency, month), ctx.netOfSponsor);
}

/**
 * lastMonthFees in the contract's own currency: the same for each of the six months a contract is up for renewal
 * in (only the rate is the month's), so worked out once per contract's view.
 */
function ownLastMonthFees(v: ContractView): Decimal {
  let own = LAST_MONTH_FEES.get(v);
  if (!own) {
    const last = monthOf(v.effective.to);
    own = sum(
      fixedFees(v.contract).map((f) =>
        monthlyFigure({ amount: f.amount, per: f.per, effective: monthPeriod(last), term: v.term }, last),
      ),
    );
    LAST_MONTH_FEES.set(v, own);
  }
  return own;
}

const LAST_MONTH_FEES = new WeakMap<ContractView, Decimal>();

/**
 * `committed` is the projection (its first six months are CMRR). Revenue up
 * for renewal: signed contracts in force on some day of M or later, ending
 * before m, whose partner has no later contract and is not churned or lost.
 */
export function fmrr(ctx: FigureContext, committed: readonly ProjectionMonth[]): Fmrr {
  const renewalWeight = dec(ctx.repo.config.fmrr_renewal_weight);
  const newWeight = dec(ctx.repo.config.fmrr_new_weight);
  const monthStart = firstDay(ctx.month);
  const ending = ctx.contracts.filter(
    (v) => v.contract.status !== 'draft' && !gone(v) && v.effective.to >= monthStart && !hasLaterContract(ctx, v),
  );
  const drafts = ctx.contracts.filter((v) => v.contract.status === 'draft' && !gone(v));
  const months = Array.from({ length: FMRR_MONTHS }, (_, i): FmrrMonth => {
    const month = addMonths(ctx.month, i + 1);
    const cmrr = committed.find((p) => p.month === month)!.committed;
    const renewing = ending.filter((v) => v.effective.to < firstDay(month));
    const rmrr = sum(renewing.map((v) => lastMonthFees(ctx, v, month)));
    const inForce = drafts
      .map((v) => ({ v, fees: times(feeRevenue(ctx, v, month), ctx.netOfSponsor) }))
      .filter((d) => !d.fees.isZero());
    const nmrr = sum(inForce.map((d) => d.fees));
    return {
      month,
      cmrr,
      rmrr,
      nmrr,
      fmrr: cmrr.plus(renewalWeight.times(rmrr)).plus(newWeight.times(nmrr)),
      upForRenewal: renewing.map((v) => v.contract.id),
      drafts: inForce.map((d) => d.v.contract.id),
    };
  });
  return { months, total: sum(months.map((m) => m.fmrr)), renewalWeight, newWeight };
}

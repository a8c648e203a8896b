/**
 * Recurring revenue: fixed fees prorated to a month and usage fees, net of
 * the fiscal sponsor fee, plus cloud costs passed through with their markup
 * (a reimbursement the sponsor fee does not touch, SPEC-2 A), converted.
 */
import { fixedFees } from '../model/contract-terms.js';
import { add, Decimal, dec, sum, times, ZERO } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { memoizedFor, type ContractView, type FigureContext } from './context.js';
import { cloudBillsOf } from './costs.js';
import { monthDaysInside, monthlyFigure } from './recurring.js';
import { monthPeriod } from '../time/periods.js';
import { usageRevenue } from './usage-fees.js';

/** A contract's fees in `month`, in the reporting currency, before the sponsor fee. */
export function feeRevenue(ctx: FigureContext, view: ContractView, month: string): Decimal {
  return ctx.fx.convert(ownFees(view, month), view.contract.currency, month);
}

/**
 * A contract's fixed fees in `month`, in its own currency. Of the contract alone (its fees, term and
 * termination), so kept by the record itself (records are never changed once loaded): the trend, the runway,
 * the projection and the scenarios ask for the same contract-months, at the as-of date and the month before.
 * A month wholly inside the term of a contract whose fees are all monthly is their amounts added, the same every
 * such month (monthlyFigure's whole month), kept once rather than worked out and kept for each month.
 */
function ownFees(view: ContractView, month: string): Decimal {
  let own = OWN_FEES.get(view.contract);
  if (!own) OWN_FEES.set(view.contract, (own = { whole: wholeMonths(view.contract), byMonth: new Map() }));
  if (own.whole) {
    const { from, to } = monthPeriod(month);
    if (view.effective.from <= from && view.effective.to >= to) return own.whole;
  }
  let fees = own.byMonth.get(month);
  if (!fees)
    own.byMonth.set(
      month,
      (fees = sum(
        fixedFees(view.contract).map((f) =>
          monthlyFigure({ amount: f.amount, per: f.per, effective: view.effective, term: view.term }, month),
        ),
      )),
    );
  return fees;
}

/** A whole month's fixed fees when every one is monthly (each is its amount: see monthlyFigure), else undefined. */
function wholeMonths(contract: ContractView['contract']): Decimal | undefined {
  const fees = fixedFees(contract);
  return fees.every((f) => f.per === 'month') ? sum(fees.map((f) => dec(f.amount))) : undefined;
}

const OWN_FEES = new WeakMap<object, { whole: Decimal | undefined; byMonth: Map<string, Decimal> }>();

/**
 * The contract that bills a hub's cloud cost in `month`: the latest-starting
 * non-draft contract in force that month covering the hub (a renewal
 * mid-month takes over), or undefined.
 */
export function billingContractForHub(
  ctx: FigureContext,
  partner: PartnerFolder,
  hub: string,
  month: string,
): ContractView | undefined {
  let found: ContractView | undefined;
  for (const view of ctx.contractsOf.get(partner) ?? []) {
    if (view.contract.status === 'draft') continue;
    if (!(view.contract.hubs ?? []).includes(hub) || monthDaysInside(month, view.effective) === 0) continue;
    if (!found || view.contract.start >= found.contract.start) found = view;
  }
  return found;
}

/**
 * Pass-through cloud revenue of a partner in `month` (cost × (1 + markup)), in the reporting currency: of every
 * contract, or of the one contract `billedBy`.
 */
export function passThroughRevenue(
  ctx: FigureContext,
  partner: PartnerFolder,
  month: string,
  billedBy?: ContractView,
): Decimal {
  let total = ZERO;
  for (const cost of cloudBillsOf(partner, month)) {
    const view = billingContractForHub(ctx, partner, cost.hub, month);
    if (view?.contract.cloud.billing !== 'pass-through' || (billedBy && view !== billedBy)) continue;
    total = add(total, ctx.fx.convert(dec(cost.amount).times(markupOf(view.contract)), cost.currency, month));
  }
  return total;
}

/** 1 + the contract's cloud markup: divided out once per contract, not once per cloud bill. */
function markupOf(contract: ContractView['contract']): Decimal {
  let markup = MARKUPS.get(contract);
  if (!markup)
    MARKUPS.set(
      contract,
      (markup = dec(contract.cloud.markup_pct ?? 0)
        .dividedBy(100)
        .plus(1)),
    );
  return markup;
}

const MARKUPS = new WeakMap<object, Decimal>();

/**
 * A partner's recurring revenue in `month`: (fixed fees + usage fees) × (1 − sponsor fee %)
 * + pass-through cloud revenue.
 */
export function partnerRevenue(ctx: FigureContext, partner: PartnerFolder, month: string): Decimal {
  return memoizedFor(ctx, 'revenue', month, partner, () => {
    // A plain loop (the sum's order, without two lists per partner and month): the trend asks 12,000 of these.
    let fees = ZERO;
    for (const v of ctx.contractsOf.get(partner) ?? [])
      if (v.contract.status !== 'draft') fees = add(fees, add(feeRevenue(ctx, v, month), usageRevenue(ctx, v, month)));
    return add(times(fees, ctx.netOfSponsor), passThroughRevenue(ctx, partner, month));
  });
}

/** A contract's part of MRR in `month`, by what it is made of; fees net of the sponsor fee. */
export interface ContractRevenue {
  fixed: Decimal;
  usage: Decimal;
  passThrough: Decimal;
  total: Decimal;
}

/**
 * A signed contract's part of its partner's recurring revenue in `month` (SPEC-3 R10: one MRR): its fixed and
 * usage fees net of the sponsor fee, and the cloud it passes through. A partner's contracts add up to its
 * partnerRevenue.
 */
export function contractRevenue(ctx: FigureContext, view: ContractView, month: string): ContractRevenue {
  const fixed = times(feeRevenue(ctx, view, month), ctx.netOfSponsor);
  const usage = times(usageRevenue(ctx, view, month), ctx.netOfSponsor);
  const passThrough = passThroughRevenue(ctx, view.partner, month, view);
  return { fixed, usage, passThrough, total: fixed.plus(usage).plus(passThrough) };
}

/** MRR: every partner's recurring revenue in `month`. */
export function mrr(ctx: FigureContext, month: string): Decimal {
  return sum(ctx.repo.partners.map((p) => partnerRevenue(ctx, p, month)));
}

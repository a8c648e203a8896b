/** Recurring costs and cloud costs, and how shared costs are allocated to partners. */
import { add, Decimal, dec, subtract, sum, ZERO } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { MINOR_UNITS } from '../money/currency.js';
import type { CloudCost, Currency } from '../model/records.js';
import { monthsBetween } from '../time/calendar.js';
import { monthPeriod } from '../time/periods.js';
import { hubsOf, memoized, memoizedFor, memoizedMonth, type FigureContext } from './context.js';
import { monthDaysInside, monthlyFigure } from './recurring.js';

/** The organisation's recurring costs in `month`, in the reporting currency. */
export function recurringCosts(ctx: FigureContext, month: string): Decimal {
  return memoizedMonth(ctx, 'recurring', month, () =>
    sum(
      ctx.repo.recurringCosts.map(({ value: c }) => {
        const term = { from: c.start, to: c.end ?? '9999-12-31' };
        return ctx.fx.convert(
          monthlyFigure({ amount: c.amount, per: c.per, effective: term, term }, month),
          c.currency,
          month,
        );
      }),
    ),
  );
}

/**
 * A partner's cloud bills of `month`. The trend and the revenue it passes through read every partner's bills of
 * each of its months: by month, each list is walked once instead of once per month. Kept by the list of bills
 * itself (records are never changed once loaded; the records at another date have lists of their own).
 */
export function cloudBillsOf(partner: PartnerFolder, month: string): readonly CloudCost[] {
  let byMonth = BILLS_BY_MONTH.get(partner.cloudCosts);
  if (!byMonth) {
    BILLS_BY_MONTH.set(partner.cloudCosts, (byMonth = new Map<string, CloudCost[]>()));
    for (const { value: c } of partner.cloudCosts) {
      const bills = byMonth.get(c.month);
      if (bills) bills.push(c);
      else byMonth.set(c.month, [c]);
    }
  }
  return byMonth.get(month) ?? NO_BILLS;
}

const BILLS_BY_MONTH = new WeakMap<object, Map<string, CloudCost[]>>();
const NO_BILLS: readonly CloudCost[] = [];

/** A partner's cloud costs in `month`, in the reporting currency, less the cloud credits taken off its hubs. */
export function cloudCosts(ctx: FigureContext, partner: PartnerFolder, month: string): Decimal {
  return memoizedFor(ctx, 'cloud', month, partner, () => {
    const { byHub } = cloudCredits(ctx, month);
    let gross = ZERO;
    for (const c of cloudBillsOf(partner, month)) gross = add(gross, ctx.fx.convert(dec(c.amount), c.currency, month));
    const credited = byHub.size ? hubsOf(partner).map((h) => byHub.get(h.id) ?? ZERO) : [];
    return subtract(gross, sum(credited));
  });
}

/**
 * A hub's cloud cost of `month` in the reporting currency, after the credits
 * taken off it (SPEC-3 R4: every figure that reads a hub's cloud costs reads
 * them after credits); undefined when no bill of the month is recorded.
 */
export function hubCloudCost(
  ctx: FigureContext,
  partner: PartnerFolder,
  hub: string,
  month: string,
): Decimal | undefined {
  const rows = cloudBillsOf(partner, month).filter((c) => c.hub === hub);
  if (rows.length === 0) return undefined;
  const gross = sum(rows.map((c) => ctx.fx.convert(dec(c.amount), c.currency, month)));
  return gross.minus(cloudCredits(ctx, month).byHub.get(hub) ?? ZERO);
}

/** The credits taken off the cloud costs of `month`: per hub, and per cloud vendor that granted them. */
export interface CreditsApplied {
  byHub: Map<string, Decimal>;
  byVendor: Map<string, Decimal>;
}

/**
 * Cloud credits (SPEC-2 D) applied to `month`: each credit of a cloud vendor
 * is spread evenly over its months — in the currency's minor units, the first
 * months taking one unit more when it does not divide evenly, so the months
 * add up to the credit exactly — converted at the month's rate, and taken off
 * the month's cloud costs of the hubs it covers (every hub, when it names
 * none), shared among them in proportion to their costs, never below 0: what
 * a month cannot use is lost, not carried over. Credits apply in the order of
 * the vendors' ids and of their lists.
 */
export function cloudCredits(ctx: FigureContext, month: string): CreditsApplied {
  return memoizedMonth(ctx, 'credits', month, () => {
    const byHub = new Map<string, Decimal>();
    const byVendor = new Map<string, Decimal>();
    const vendors = ctx.repo.partners.filter((p) => p.profile?.value.credits?.length);
    if (vendors.length === 0) return { byHub, byVendor };
    const left = new Map<string, Decimal>();
    for (const p of ctx.repo.partners)
      for (const { value: c } of p.cloudCosts)
        if (c.month === month)
          left.set(c.hub, (left.get(c.hub) ?? ZERO).plus(ctx.fx.convert(dec(c.amount), c.currency, month)));
    for (const vendor of [...vendors].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      for (const credit of vendor.profile!.value.credits!) {
        const share = monthShare(credit, month);
        if (share.isZero()) continue;
        const covered = [...left.keys()].filter((h) => !credit.hubs || credit.hubs.includes(h));
        const total = sum(covered.map((h) => left.get(h)!));
        if (total.isZero()) continue;
        const applied = Decimal.min(ctx.fx.convert(share, credit.currency, month), total);
        for (const hub of covered) {
          const cut = applied.times(left.get(hub)!).dividedBy(total);
          left.set(hub, left.get(hub)!.minus(cut));
          byHub.set(hub, (byHub.get(hub) ?? ZERO).plus(cut));
        }
        byVendor.set(vendor.id, (byVendor.get(vendor.id) ?? ZERO).plus(applied));
      }
    }
    return { byHub, byVendor };
  });
}

/** A credit's part for `month`, in its own currency: an even split in minor units, remainder to the first months. */
export function monthShare(credit: { amount: number; currency: Currency; from: string; to: string }, month: string) {
  const months = monthsBetween(credit.from, credit.to);
  const k = months.indexOf(month);
  if (k === -1) return ZERO;
  const unit = new Decimal(10).pow(-MINOR_UNITS[credit.currency]);
  const units = dec(credit.amount).dividedBy(unit).toDecimalPlaces(0);
  const base = units.dividedToIntegerBy(months.length);
  const extra = units.minus(base.times(months.length));
  return base.plus(extra.greaterThan(k) ? 1 : 0).times(unit);
}

export interface UnattributedCost {
  provider: string;
  /** The GCP project or AWS account, and the tag when the rows had one naming no hub. */
  source: string;
  amount: Decimal;
}

/** The cloud bills of `month` no hub is mapped to (costs/unattributed-cloud.yaml), in the reporting currency. */
export function unattributedCosts(ctx: FigureContext, month: string): UnattributedCost[] {
  return ctx.repo.unattributedCloudCosts
    .filter((c) => c.value.month === month && !dec(c.value.amount).isZero())
    .map(({ value: c }) => ({
      provider: c.provider,
      source: c.tag === undefined ? c.account : `${c.account}, tag ${c.tag}`,
      amount: ctx.fx.convert(dec(c.amount), c.currency, month),
    }))
    .sort((a, b) => b.amount.comparedTo(a.amount) || (a.source < b.source ? -1 : 1));
}

export function unattributedCloudCosts(ctx: FigureContext, month: string): Decimal {
  return memoized(ctx, `unattributed ${month}`, () => sum(unattributedCosts(ctx, month).map((c) => c.amount)));
}

/** MRC: recurring costs plus every cloud cost of `month`, the hubs' and the unattributed. */
export function mrc(ctx: FigureContext, month: string): Decimal {
  return add(
    add(recurringCosts(ctx, month), sum(ctx.repo.partners.map((p) => cloudCosts(ctx, p, month)))),
    unattributedCloudCosts(ctx, month),
  );
}

/** A hub counts as live in a month it was launched by and not decommissioned before. */
export function liveHubs(partner: PartnerFolder, month: string): number {
  const { from, to } = monthPeriod(month);
  return hubsOf(partner).filter(
    (h) => h.launched !== undefined && h.launched <= to && (h.decommissioned === undefined || h.decommissioned >= from),
  ).length;
}

function hasContractInForce(ctx: FigureContext, partner: PartnerFolder, month: string): boolean {
  return (ctx.contractsOf.get(partner) ?? []).some(
    (v) => v.contract.status !== 'draft' && monthDaysInside(month, v.effective) > 0,
  );
}

function activeUsers(partner: PartnerFolder, month: string): number {
  return partner.usage.filter((u) => u.value.month === month).reduce((n, u) => n + u.value.active_users, 0);
}

/**
 * Each partner's weight in sharing the recurring costs of `month`:
 * per-hub: its live hubs; per-partner: 1 if it has a contract in force;
 * by-usage: its active users. All weights zero means nothing is allocated.
 */
export function allocationWeights(ctx: FigureContext, month: string): Map<PartnerFolder, number> {
  return memoizedMonth(ctx, 'weights', month, () => {
    const mode = ctx.repo.config.cost_allocation;
    const weight = (p: PartnerFolder) =>
      mode === 'per-hub'
        ? liveHubs(p, month)
        : mode === 'per-partner'
          ? hasContractInForce(ctx, p, month)
            ? 1
            : 0
          : activeUsers(p, month);
    return new Map(ctx.repo.partners.map((p) => [p, weight(p)]));
  });
}

/**
 * A partner's share of the recurring costs of `month`: costs × its weight ÷ all weights. Weights are small
 * whole numbers (hubs, users), so each share is computed once per weight, not once per partner.
 */
export function allocatedCosts(ctx: FigureContext, partner: PartnerFolder, month: string): Decimal {
  const weights = allocationWeights(ctx, month);
  const total = memoizedMonth(ctx, 'weight total', month, () => [...weights.values()].reduce((a, b) => a + b, 0));
  const own = weights.get(partner) ?? 0;
  if (total === 0 || own === 0) return ZERO;
  const shares = memoizedMonth(ctx, 'shares', month, () => new Map<number, Decimal>());
  let share = shares.get(own);
  if (!share) shares.set(own, (share = recurringCosts(ctx, month).times(own).dividedBy(total)));
  return share;
}

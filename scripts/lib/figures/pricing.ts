/**
 * Pricing and contract strategy (SPEC-2 A, reports/pricing.md): per
 * contract with a tier, its list price, annualised fixed fees and discount;
 * per contract, its margin in M; partners per tier; usage-fee revenue per
 * band in M; and what each tiered contract would cost on the current book.
 */
import { Decimal, dec, sum, ZERO } from '../money/decimal.js';
import { fixedFees, meteredFees } from '../model/contract-terms.js';
import { addMonths, firstDay, monthOf } from '../time/calendar.js';
import { daysInside, monthPeriod } from '../time/periods.js';
import type { ContractView, FigureContext } from './context.js';
import { allocatedCosts, hubCloudCost } from './costs.js';
import { bookInForce, feeBands, listPriceAt, pricingDate, tierYearly, usageFeeByBand } from './price-book.js';
import { monthlyFigure } from './recurring.js';
import { billingContractForHub, contractRevenue } from './revenue.js';
import { contractUsageFees } from './usage-fees.js';

export interface PricingRow {
  contract: string;
  partner: string;
  tier: string;
  /** The book in force at signing and the tier's yearly list price there (reporting currency). */
  book?: string;
  list?: Decimal;
  /** 12 × the monthly figure of the fixed fees in the first full month of the term (reporting currency). */
  annualised: Decimal;
  /** 1 − annualised / list; undefined without a list price. */
  discount?: Decimal;
  /** Users priced for the repricing: the latest month up to M with usage recorded for every hub. */
  users?: number;
  /** What it pays a year now (fixed fees + 12 × the usage fee of `users` on its bands) and on the current book. */
  now: Decimal;
  onCurrentBook?: Decimal;
}

const counted = (v: ContractView) => v.contract.status !== 'draft';

/** The first month wholly inside the term. */
function firstFullMonth(view: ContractView): string {
  const m = monthOf(view.term.from);
  return view.term.from === firstDay(m) ? m : addMonths(m, 1);
}

/** The latest month up to `upTo` whose usage is recorded for every hub of the contract, and its users. */
export function latestUsers(view: ContractView, upTo: string): number | undefined {
  const hubs = view.contract.hubs ?? [];
  if (hubs.length === 0) return undefined;
  const byMonth = new Map<string, Map<string, number>>();
  for (const { value: u } of view.partner.usage)
    if (u.month <= upTo && hubs.includes(u.hub))
      byMonth.set(u.month, (byMonth.get(u.month) ?? new Map<string, number>()).set(u.hub, u.active_users));
  const months = [...byMonth.keys()].filter((m) => byMonth.get(m)!.size === hubs.length).sort();
  const last = months.at(-1);
  return last === undefined ? undefined : [...byMonth.get(last)!.values()].reduce((a, b) => a + b, 0);
}

export function pricingRows(ctx: FigureContext): PricingRow[] {
  const books = ctx.repo.priceBooks.map((b) => b.value);
  const current = bookInForce(books, ctx.asOf);
  return ctx.contracts
    .filter((v) => counted(v) && v.contract.tier !== undefined)
    .map((view): PricingRow => {
      const { contract } = view;
      const tier = contract.tier!;
      const book = bookInForce(books, pricingDate(contract));
      const listOwn = book && tierYearly(book, tier);
      const list = listOwn && book && ctx.fx.convert(listOwn, book.currency, ctx.month);
      const first = firstFullMonth(view);
      const monthly = sum(
        fixedFees(contract).map((f) =>
          monthlyFigure({ amount: f.amount, per: f.per, effective: view.term, term: view.term }, first),
        ),
      );
      const annualised = ctx.fx.convert(monthly.times(12), contract.currency, ctx.month);
      const discount = list && !list.isZero() ? new Decimal(1).minus(annualised.dividedBy(list)) : undefined;
      const users = latestUsers(view, ctx.month);
      const usageNow = sum(
        meteredFees(contract).map((f) => {
          const bands = feeBands(books, contract, f) ?? [];
          const fee = sum(usageFeeByBand(bands, users ?? 0));
          return (f.cap === undefined ? fee : Decimal.min(fee, dec(f.cap))).times(12);
        }),
      );
      const now = annualised.plus(ctx.fx.convert(usageNow, contract.currency, ctx.month));
      const repriced = current && listPriceAt(current, tier, users ?? 0);
      return {
        contract: contract.id,
        partner: view.partner.id,
        tier,
        ...(book && { book: book.id }),
        ...(list && { list }),
        annualised,
        ...(discount && { discount }),
        ...(users !== undefined && { users }),
        now,
        ...(repriced && current && { onCurrentBook: ctx.fx.convert(repriced, current.currency, ctx.month) }),
      };
    });
}

export interface MarginRow {
  contract: string;
  partner: string;
  revenue: Decimal;
  cloudCost: Decimal;
  sharedCost: Decimal;
  margin: Decimal;
}

/**
 * margin(M) = revenue(M) − cloud costs(M) − share of recurring costs, per
 * non-draft contract in force in M: its fees and usage fees net of the
 * sponsor fee plus the cloud it passes through; the cloud costs of the hubs
 * it bills in M, after the vendors' credits; the partner's part-1 share of the recurring costs split
 * evenly over its contracts in force in M.
 */
export function contractMargins(ctx: FigureContext, month = ctx.month): MarginRow[] {
  const inForce = (v: ContractView) => counted(v) && daysInside(monthPeriod(month), v.effective) > 0;
  return ctx.repo.partners.flatMap((partner) => {
    const views = (ctx.contractsOf.get(partner) ?? []).filter(inForce);
    if (views.length === 0) return [];
    const share = allocatedCosts(ctx, partner, month).dividedBy(views.length);
    return views.map((view) => {
      const billed = new Set<string>();
      for (const { value: c } of partner.cloudCosts)
        if (c.month === month && billingContractForHub(ctx, partner, c.hub, month) === view) billed.add(c.hub);
      const cloudCost = sum([...billed].map((hub) => hubCloudCost(ctx, partner, hub, month)!));
      // Pass-through revenue is what the partner is billed, on the bill before credits: the credit is ours.
      const revenue = contractRevenue(ctx, view, month).total;
      return {
        contract: view.contract.id,
        partner: partner.id,
        revenue,
        cloudCost,
        sharedCost: share,
        margin: revenue.minus(cloudCost).minus(share),
      };
    });
  });
}

/** Partners with a non-draft contract in force at the as-of date on each tier, by tier id. */
export function partnersPerTier(ctx: FigureContext): { tier: string; partners: string[] }[] {
  const byTier = new Map<string, Set<string>>();
  for (const v of ctx.contracts)
    if (counted(v) && v.contract.tier && v.effective.from <= ctx.asOf && ctx.asOf <= v.effective.to)
      byTier.set(v.contract.tier, (byTier.get(v.contract.tier) ?? new Set()).add(v.partner.id));
  return [...byTier.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tier, p]) => ({ tier, partners: [...p].sort() }));
}

/**
 * Usage-fee revenue of M per band (reporting currency): each metered fee's
 * users of M spread over its bands, before its cap and proration (so the
 * total can exceed the fees billed), grouped by the band as written.
 */
export function usageByBand(ctx: FigureContext, month = ctx.month): { band: string; amount: Decimal }[] {
  const books = ctx.repo.priceBooks.map((b) => b.value);
  const totals = new Map<string, Decimal>();
  for (const v of ctx.contracts.filter(counted))
    for (const u of contractUsageFees(ctx, v, month)) {
      if (u.pending || u.users === undefined) continue;
      const fee = v.contract.fees.find((f) => f.id === u.fee)!;
      const bands = feeBands(books, v.contract, fee) ?? [];
      let below = 0;
      usageFeeByBand(bands, u.users).forEach((amount, i) => {
        const b = bands[i];
        const label = `${below + 1}${b.up_to === undefined ? '+' : `–${b.up_to}`} users at ${dec(b.price).toFixed(2)}`;
        below = b.up_to ?? below;
        const converted = ctx.fx.convert(amount, v.contract.currency, month);
        totals.set(label, (totals.get(label) ?? ZERO).plus(converted));
      });
    }
  return [...totals.entries()].map(([band, amount]) => ({ band, amount }));
}

/**
 * Joint ventures (SPEC-2 D): what the organisation's resellers, cloud vendors
 * and publishers bring and cost — the revenue of the contracts sold through a
 * reseller (`via`), the share of it paid back (`revenue_share_pct`), and the
 * cloud credits a vendor granted that were actually used.
 */
import { Decimal, dec, sum, ZERO } from '../money/decimal.js';
import type { PartnerFolder } from '../model/repository.js';
import { addMonths } from '../time/calendar.js';
import type { ContractView, FigureContext } from './context.js';
import { cloudCredits } from './costs.js';
import { feeRevenue } from './revenue.js';
import { usageRevenue } from './usage-fees.js';
import { pushTo } from '../collections.js';

/** The partner types a joint venture is with. */
export const JV_TYPES = new Set(['reseller', 'cloud-vendor', 'publisher']);

export interface JvMonth {
  /** Revenue of the contracts sold through it (fees and usage fees, net of the sponsor fee). */
  revenue: Decimal;
  /** revenue × revenue_share_pct / 100. */
  sharePaid: Decimal;
  /** Cloud credits it granted that were taken off the month's cloud costs. */
  creditsUsed: Decimal;
}

export interface JointVenture {
  partner: PartnerFolder;
  sharePct: Decimal | undefined;
  /** Contracts sold through it. */
  contracts: string[];
  month: JvMonth;
  /** The 12 months ending M, added up. */
  year: JvMonth;
}

/** Every reseller, cloud vendor and publisher with a revenue share, credits or a contract sold through it. */
export function jointVentures(ctx: FigureContext): JointVenture[] {
  const out: JointVenture[] = [];
  const soldVia = new Map<string, ContractView[]>();
  for (const v of ctx.contracts) {
    if (v.contract.via === undefined || v.contract.status === 'draft') continue;
    pushTo(soldVia, v.contract.via, v);
  }
  for (const partner of ctx.repo.partners) {
    const profile = partner.profile?.value;
    if (!profile || !JV_TYPES.has(profile.type)) continue;
    const views = soldVia.get(partner.id) ?? [];
    if (profile.revenue_share_pct === undefined && !profile.credits?.length && views.length === 0) continue;
    const pct = profile.revenue_share_pct === undefined ? undefined : dec(profile.revenue_share_pct);
    const monthOf = (month: string): JvMonth => {
      const revenue = sum(views.map((v) => feeRevenue(ctx, v, month).plus(usageRevenue(ctx, v, month)))).times(
        ctx.netOfSponsor,
      );
      return {
        revenue,
        sharePaid: pct ? revenue.times(pct).dividedBy(100) : ZERO,
        creditsUsed: cloudCredits(ctx, month).byVendor.get(partner.id) ?? ZERO,
      };
    };
    const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonths(ctx.month, i - 11)));
    const add = (k: keyof JvMonth) => sum(months.map((m) => m[k]));
    out.push({
      partner,
      sharePct: pct,
      contracts: views.map((v) => v.contract.id),
      month: months[11],
      year: { revenue: add('revenue'), sharePaid: add('sharePaid'), creditsUsed: add('creditsUsed') },
    });
  }
  return out;
}

export const netEffect = (m: JvMonth): Decimal => m.revenue.minus(m.sharePaid).plus(m.creditsUsed);

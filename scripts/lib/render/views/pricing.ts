/** pricing.md: discount vs list, margin per contract, partners per tier, usage per band, repricing. */
import type { Figures } from '../../figures/index.js';
import { money, percent } from '../numbers.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { count } from '../../text/grouped.js';

export function pricingView(f: Figures, meta: ReportMeta) {
  const link = (id: string) => partnerLink(f.ctx.partnerById.get(id)!);
  return {
    header: header(meta, 'Pricing and contract strategy'),
    month: f.ctx.month,
    contracts: f.pricing.map((r) => ({
      contract: code(r.contract),
      partner: link(r.partner),
      tier: code(r.tier),
      book: r.book ?? '—',
      list: r.list ? money(r.list) : '—',
      annualised: money(r.annualised),
      discount: r.discount ? percent(r.discount, 1) : '—',
      users: r.users === undefined ? '—' : count(r.users),
      now: money(r.now),
      onCurrentBook: r.onCurrentBook ? money(r.onCurrentBook) : '—',
      change: r.onCurrentBook ? money(r.onCurrentBook.minus(r.now)) : '—',
    })),
    margins: f.contractMargins.map((m) => ({
      contract: code(m.contract),
      partner: link(m.partner),
      revenue: money(m.revenue),
      cloudCost: money(m.cloudCost),
      sharedCost: money(m.sharedCost),
      margin: money(m.margin),
    })),
    tiers: f.partnersPerTier.map((t) => ({ tier: code(t.tier), count: String(t.partners.length) })),
    bands: f.usageByBand.map((b) => ({ band: b.band, amount: money(b.amount) })),
  };
}

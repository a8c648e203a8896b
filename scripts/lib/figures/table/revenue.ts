/**
 * The figures table's entries (index.ts) for revenue and costs: MRR, MRC and their ratio, the trend,
 * per partner, usage fees, incomplete months and pricing.
 */
import { withShownParts } from '../../money/apportion.js';
import { sum } from '../../money/decimal.js';
import { incompleteMonth, lastCompleteMonth } from '../completeness.js';
import { unattributedCosts } from '../costs.js';
import { partnerRecovery, recoveryAt, recoveryTrend } from '../recovery.js';
import { pendingUsage, usageFeesOfMonth } from '../usage-fees.js';
import { contractMargins, partnersPerTier, pricingRows, usageByBand } from '../pricing.js';
import { money, ratio, figure } from './figure.js';

export const REVENUE_FIGURES = {
  recovery: figure({
    about: 'MRR, MRC and the cost recovery ratio in M',
    section: 'Revenue and costs',
    compute: ({ ctx }) => recoveryAt(ctx, ctx.month),
    json: (r) => ({ mrr: money(r.mrr), mrc: money(r.mrc), cost_recovery_ratio: ratio(r.ratio) }),
  }),
  completeness: figure({
    about: "what M is missing (cloud bills, usage not recorded yet), and the last complete month's MRR, MRC, ratio",
    section: 'Incomplete months',
    compute: ({ ctx }) => {
      const last = lastCompleteMonth(ctx);
      return { missing: incompleteMonth(ctx, ctx.month), last: last === undefined ? undefined : recoveryAt(ctx, last) };
    },
    json: ({ missing, last }) => ({
      not_recorded: missing.map((m) =>
        m.kind === 'cloud-bill'
          ? { kind: m.kind, month: m.month, partner: m.partner, hub: m.hub }
          : { kind: m.kind, month: m.month, partner: m.partner, contract: m.contract, hubs: m.hubs },
      ),
      last_complete_month: last
        ? { month: last.month, mrr: money(last.mrr), mrc: money(last.mrc), cost_recovery_ratio: ratio(last.ratio) }
        : null,
    }),
  }),
  trend: figure({
    about: 'MRR, MRC and the ratio for each of the last 12 months',
    section: 'Revenue and costs',
    compute: ({ ctx }) => recoveryTrend(ctx),
    json: (t) => ({
      cost_recovery_trend: t.map((p) => ({
        month: p.month,
        mrr: money(p.mrr),
        mrc: money(p.mrc),
        ratio: ratio(p.ratio),
        incomplete: p.incomplete,
      })),
    }),
  }),
  partners: figure({
    about: "each partner's revenue, cloud and shared cost, and costs ÷ revenue",
    section: 'Revenue and costs',
    compute: ({ ctx }) => partnerRecovery(ctx),
    json: (ps) => ({
      // Beside `mrr`, the revenues add up to it as shown (R7); the costs have no total in the JSON.
      partners: withShownParts(ps, (p) => p.revenue).map(([p, revenue]) => ({
        id: p.partner.id,
        revenue: money(revenue),
        cloud_cost: p.missing.some((m) => m.kind === 'cloud-bill') ? null : money(p.cloudCost),
        shared_cost: money(p.sharedCost),
        cost_recovery_ratio: ratio(p.ratio),
        recovery_note: p.note ?? null,
      })),
    }),
  }),
  usageFees: figure({
    about: 'the usage fee of M of every metered fee (monthly active users in marginal bands)',
    section: 'Revenue and costs',
    compute: ({ ctx }) => usageFeesOfMonth(ctx, ctx.month),
    json: (u) => ({
      usage_fees: u
        .filter((x) => !x.pending)
        .map((x) => ({ contract: x.contract, month: x.month, users: x.users ?? null, amount: money(x.amount) })),
    }),
  }),
  pendingUsage: figure({
    about: "contracts whose usage fee of M is pending: M's usage is not recorded for every hub (it counts 0 in MRR)",
    section: 'Revenue and costs',
    compute: ({ ctx }) => pendingUsage(ctx, ctx.month),
    json: (p) => ({ pending_usage: p }),
  }),
  pricing: figure({
    about: 'per contract with a tier: list price, annualised fixed fees, discount, and its price on the current book',
    section: 'Pricing',
    compute: ({ ctx }) => pricingRows(ctx),
    json: (rows) => ({
      pricing: rows.map((r) => ({
        contract: r.contract,
        tier: r.tier,
        list: r.list === undefined ? null : money(r.list),
        annualised: money(r.annualised),
        discount_pct: r.discount === undefined ? null : r.discount.times(100).toDecimalPlaces(1).toNumber(),
      })),
    }),
  }),
  contractMargins: figure({
    about: 'margin(M) per contract: revenue − cloud costs − its share of the recurring costs',
    section: 'Pricing',
    compute: ({ ctx }) => contractMargins(ctx),
  }),
  partnersPerTier: figure({
    about: 'partners with a contract in force on each membership tier',
    section: 'Pricing',
    compute: ({ ctx }) => partnersPerTier(ctx),
  }),
  usageByBand: figure({
    about: 'usage-fee revenue of M per band of monthly active users (before caps and proration)',
    section: 'Pricing',
    compute: ({ ctx }) => usageByBand(ctx),
  }),
  unattributed: figure({
    about: 'cloud bills of M that no hub is mapped to: cost nobody recovers (counted in MRC)',
    section: 'Revenue and costs',
    compute: ({ ctx }) => unattributedCosts(ctx, ctx.month),
    json: (u) => ({ unattributed_cloud_costs: money(sum(u.map((c) => c.amount))) }),
  }),
};

/** The `metrics` JSON: SPEC's keys first, money as 2-decimal strings in the reporting currency. */
import { toFixed, type Decimal } from '../money/decimal.js';
import type { Figures } from '../figures/index.js';
import { BUCKETS } from '../figures/receivables.js';

const money = (d: Decimal) => toFixed(d, 2);
const ratio = (d: Decimal | undefined) => (d === undefined ? null : toFixed(d, 4));
const fraction = (d: Decimal | undefined) => (d === undefined ? null : d.toDecimalPlaces(4).toNumber());

/** The JSON's shape, as the figures make it (tests and callers read it typed). */
export type MetricsJson = ReturnType<typeof metricsJson>;

export function metricsJson(f: Figures) {
  return {
    as_of: f.asOf,
    currency: f.currency,
    mrr: money(f.recovery.mrr),
    mrc: money(f.recovery.mrc),
    cost_recovery_ratio: ratio(f.recovery.ratio),
    receivables: {
      outstanding: money(f.receivables.outstanding),
      buckets: Object.fromEntries(BUCKETS.map((b) => [b, money(f.receivables.buckets[b])])),
      overdue_invoices: f.receivables.open.filter((o) => o.daysPastDue > 0).map((o) => o.invoice.number),
    },
    unbilled: f.unbilled.map(({ contract, from, to }) => ({ contract, from, to })),
    renewals: f.renewals.map(({ contract, end, noticeBy }) => ({ contract, end, notice_by: noticeBy })),
    deliverables: {
      overdue: f.deliverables.overdue.map((d) => d.id),
      due_soon: f.deliverables.dueSoon.map((d) => d.id),
      on_time_rate: fraction(f.deliverables.onTimeRate),
    },
    onboarding: {
      partners: f.onboarding.map((o) => ({
        id: o.partner.id,
        progress: fraction(o.progress),
        days_in_stage: o.daysInStage ?? null,
      })),
      milestone_days: Object.fromEntries(
        f.milestoneSpans.map((s) => [`${s.from}->${s.to}`, { median: s.median ?? null, p90: s.p90 ?? null, n: s.n }]),
      ),
    },
    nps: f.nps.map(({ survey, score, responses }) => ({ survey, score, responses })),
    declining_usage: f.decliningUsage,
    cost_recovery_trend: f.trend.map((p) => ({
      month: p.month,
      mrr: money(p.mrr),
      mrc: money(p.mrc),
      ratio: ratio(p.ratio),
    })),
    partners: f.partners.map((p) => ({
      id: p.partner.id,
      revenue: money(p.revenue),
      cloud_cost: money(p.cloudCost),
      shared_cost: money(p.sharedCost),
      recovery: ratio(p.recovery),
      recovery_note: p.note ?? null,
    })),
    contracts: f.ledgers.map((l) => ({
      contract: l.contract,
      partner: l.partner,
      currency: l.currency,
      contracted: money(l.contracted),
      invoiced: money(l.invoiced),
      collected: money(l.collected),
    })),
    pipeline: {
      deals: f.deals.map((d) => ({
        partner: d.partner.id,
        stage: d.stage,
        annual_value: money(d.annualValue),
        weighted_value: money(d.weightedValue),
      })),
      grants: f.grantProspects.map((g) => ({ grant: g.grant, status: g.status, amount: money(g.amount) })),
    },
    history: {
      available: f.history.available,
      stale_partners: f.history.stale.map((a) => a.partner),
      last_updated: [...f.history.activity.values()]
        .sort((a, b) => (a.partner < b.partner ? -1 : 1))
        .map((a) => ({ id: a.partner, date: a.lastUpdated, by: a.updatedBy, commit: a.commit })),
    },
    projection: f.projection.map((p) => ({
      month: p.month,
      committed: money(p.committed),
      pipeline: money(p.pipeline),
      costs: money(p.costs),
    })),
  };
}

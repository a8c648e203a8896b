/**
 * The figures table's entries (index.ts) for growth and the organisation: pipeline, projection,
 * runway, business development, market, grants and history.
 */
import { withShownParts } from '../../money/apportion.js';
import { deliverableFigures } from '../deliverables.js';
import { recentChanges, stalePartners } from '../history.js';
import { deals, grantProspects } from '../pipeline.js';
import { projectionAt } from '../projection.js';
import { runwayFigures, runwayJson } from '../runway-figure.js';
import { FMRR_MONTHS, fmrr } from '../fmrr.js';
import { cohorts, funnel, leadSources, lqr, renewalRate } from '../kpis.js';
import { jointVentures } from '../joint-ventures.js';
import { market, MARKET_SIZES } from '../market.js';
import { money, ratio, fraction, figure, HistoryFigures } from './figure.js';

export const GROWTH_FIGURES = {
  deliverables: figure({
    about: 'grant deliverables overdue and due soon, and the on-time rate',
    section: 'Grants',
    compute: ({ ctx }) => deliverableFigures(ctx),
    json: (d) => ({
      deliverables: {
        overdue: d.overdue.map((x) => x.id),
        due_soon: d.dueSoon.map((x) => x.id),
        on_time_rate: fraction(d.onTimeRate),
      },
    }),
  }),
  deals: figure({
    about: 'open deals with their annual and probability-weighted value',
    section: 'Pipeline and projection',
    compute: ({ ctx }) => deals(ctx),
    json: (ds, { grantProspects }) => ({
      pipeline: {
        deals: ds.map((d) => ({
          partner: d.partner.id,
          stage: d.stage,
          annual_value: money(d.annualValue),
          weighted_value: money(d.weightedValue),
        })),
        grants: grantProspects.map((g) => ({ grant: g.grant, status: g.status, amount: money(g.amount) })),
      },
    }),
  }),
  grantProspects: figure({
    about: 'grants being prepared or submitted and not yet decided (in the JSON under pipeline)',
    section: 'Pipeline and projection',
    compute: ({ ctx }) => grantProspects(ctx),
  }),
  history: figure({
    about: 'when each partner was last updated and by whom, stale partners, recent changes',
    section: 'History',
    compute: ({ ctx, history, activity }): HistoryFigures => ({
      available: history.available,
      activity,
      stale: stalePartners(ctx.repo, activity, ctx.asOf),
      changes: recentChanges(history, ctx.asOf),
    }),
    json: (h) => ({
      history: {
        available: h.available,
        stale_partners: h.stale.map((a) => a.partner),
        last_updated: [...h.activity.values()]
          .sort((a, b) => (a.partner < b.partner ? -1 : 1))
          .map((a) => ({ id: a.partner, date: a.lastUpdated, by: a.updatedBy, commit: a.commit })),
      },
    }),
  }),
  projection: figure({
    about: 'committed and weighted pipeline revenue and costs for the next 12 months',
    section: 'Pipeline and projection',
    compute: ({ ctx }) => projectionAt(ctx),
    json: (p) => ({
      projection: p.map((m) => ({
        month: m.month,
        committed: money(m.committed),
        pipeline: money(m.pipeline),
        costs: money(m.costs),
      })),
    }),
  }),
  runway: figure({
    about: 'cash on hand, runway, surplus/deficit, pipeline coverage, seeded scenarios, collection flags (SPEC-3 S)',
    section: 'Runway',
    compute: ({ ctx }) => runwayFigures(ctx),
    json: runwayJson,
  }),
  lqr: figure({
    about: 'lead qualification ratio: leads first contacted in the 12 months ending D that are qualified',
    section: 'Business development',
    compute: ({ ctx }) => lqr(ctx),
    json: (l) => ({ lqr: ratio(l.ratio) }),
  }),
  renewalRate: figure({
    about: 'the share of contracts ending in the 6 months ending D that were renewed, and churn',
    section: 'Business development',
    compute: ({ ctx }) => renewalRate(ctx),
    json: (r) => ({
      renewal_rate: ratio(r.rate),
      churn_rate: ratio(r.churn),
      renewal_outcomes: r.outcomes.map((o) => ({ contract: o.contract, end: o.end, renewed_by: o.renewedBy ?? null })),
    }),
  }),
  fmrr: figure({
    about: 'forecast MRR for the 6 months after M: committed + weighted renewals + weighted drafts',
    section: 'Business development',
    compute: ({ ctx }) => fmrr(ctx, projectionAt(ctx, FMRR_MONTHS)),
    json: (f) => ({
      // The six months add up to `fmrr_6` beside them (R7).
      fmrr: withShownParts(f.months, (m) => m.fmrr).map(([m, fmrr]) => ({
        month: m.month,
        cmrr: money(m.cmrr),
        rmrr: money(m.rmrr),
        nmrr: money(m.nmrr),
        fmrr: money(fmrr),
      })),
      fmrr_6: money(f.total),
    }),
  }),
  leadSources: figure({
    about: 'per lead source: leads, the share that signed a contract, median days to sign',
    section: 'Business development',
    compute: ({ ctx }) => leadSources(ctx),
    json: (rows) => ({
      lead_sources: rows.map((r) => ({
        source: r.source,
        leads: r.leads,
        signed_share: ratio(r.signedShare),
        median_days_to_sign: r.medianDaysToSign ?? null,
      })),
    }),
  }),
  funnel: figure({
    about: 'partners that reached each step from lead to onboarding complete, by lead source',
    section: 'Business development',
    compute: ({ ctx }) => funnel(ctx),
  }),
  cohorts: figure({
    about: 'days between milestones per quarter of first contact',
    section: 'Business development',
    compute: ({ ctx }) => cohorts(ctx),
    json: (cs) => ({
      cohorts: cs.map((c) => ({
        quarter: c.quarter,
        leads: c.leads,
        milestone_days: Object.fromEntries(
          c.spans.map((s) => [`${s.from}->${s.to}`, { median: s.median ?? null, p90: s.p90 ?? null, n: s.n }]),
        ),
      })),
    }),
  }),
  market: figure({
    about: "the alternatives' prices beside the price book's at 50, 500 and 5,000 MAU; reviews over a year old",
    section: 'Market and joint ventures',
    compute: ({ ctx }) => market(ctx),
    json: (m) => ({
      market: {
        book: m.book ?? null,
        prices: [...m.ours, ...m.theirs].map((r) => ({
          alternative: r.entry?.value.id ?? null,
          item: r.item,
          per_user_month: Object.fromEntries(
            MARKET_SIZES.map((n, i) => [String(n), r.perUserMonth[i] === undefined ? null : money(r.perUserMonth[i])]),
          ),
          per_year: r.perYear === undefined ? null : money(r.perYear),
          per_hour: r.perHour === undefined ? null : money(r.perHour),
        })),
        stale_reviews: m.stale.map((e) => e.value.id),
      },
    }),
  }),
  jointVentures: figure({
    about: 'per reseller, cloud vendor or publisher: revenue sold through it, the share paid, credits used in M',
    section: 'Market and joint ventures',
    compute: ({ ctx }) => jointVentures(ctx),
    json: (jvs) => ({
      joint_ventures: jvs.map((j) => ({
        partner: j.partner.id,
        revenue: money(j.month.revenue),
        share_paid: money(j.month.sharePaid),
        credits_used: money(j.month.creditsUsed),
      })),
    }),
  }),
};

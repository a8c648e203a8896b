/**
 * Every figure of one as-of date, as plain data: pure functions of (records,
 * as-of date). FIGURES is the one list of them: each entry says how it is
 * computed, what it is and where docs/figures.md defines it, and the keys it
 * writes in the `metrics` JSON; computeFigures, metricsJson and the index of
 * docs/figures.md all read it.
 */
import { NO_HISTORY, type History } from '../load/history.js';
import type { Repository } from '../model/repository.js';
import { withShownParts } from '../money/apportion.js';
import { MINOR_UNITS } from '../money/currency.js';
import { sum, toFixed, type Decimal } from '../money/decimal.js';
import { addMonthsToDate } from '../time/calendar.js';
import { factsAt } from './as-of.js';
import { csatBySurvey, decliningUsage, npsBySurvey, training } from './community.js';
import { figureContext, type FigureContext } from './context.js';
import { incompleteMonth, lastCompleteMonth } from './completeness.js';
import { unattributedCosts } from './costs.js';
import { deliverableFigures } from './deliverables.js';
import { partnerActivity, recentChanges, stalePartners, type ChangeGroup, type PartnerActivity } from './history.js';
import { ledgers } from './ledger.js';
import {
  awaitingFirstValue,
  milestoneSpans,
  onboardingPartners,
  timeToFirstValue,
  type MilestoneSpan,
} from './onboarding.js';
import { cloudCostAnomalies, lapsedAgreements, offboardingTimeline } from './engagement.js';
import { engagementHealth } from './health.js';
import { deals, grantProspects, type GrantProspect } from './pipeline.js';
import { projectionAt } from './projection.js';
import { runwayFigures, runwayJson } from './runway-figure.js';
import { FMRR_MONTHS, fmrr } from './fmrr.js';
import { cohorts, funnel, leadSources, lqr, renewalRate } from './kpis.js';
import { BUCKETS, receivables } from './receivables.js';
import { partnerRecovery, recoveryAt, recoveryTrend } from './recovery.js';
import { jointVentures } from './joint-ventures.js';
import { market, MARKET_SIZES } from './market.js';
import { renewals } from './renewals.js';
import { supportFigures, supportHours, type SupportHours } from './support.js';
import { unbilled } from './unbilled.js';
import { pendingUsage, usageFeesOfMonth } from './usage-fees.js';
import { contractMargins, partnersPerTier, pricingRows, usageByBand } from './pricing.js';

export interface HistoryFigures {
  available: boolean;
  activity: Map<string, PartnerActivity>;
  stale: PartnerActivity[];
  changes: ChangeGroup[];
}

/** What a figure is computed from besides the records at D. */
interface FigureInput {
  ctx: FigureContext;
  history: History;
  activity: Map<string, PartnerActivity>;
}

/** JSON money: 2-decimal strings in the reporting currency; ratios 4-decimal strings; fractions numbers. */
const money = (d: Decimal) => toFixed(d, 2);
const ratio = (d: Decimal | undefined) => (d === undefined ? null : toFixed(d, 4));
const fraction = (d: Decimal | undefined) => (d === undefined ? null : d.toDecimalPlaces(4).toNumber());

/** The figures SPEC writes under another figure's key, read (not computed again) by that figure's `json`. */
interface Grouped {
  milestoneSpans: MilestoneSpan[];
  grantProspects: GrantProspect[];
  supportHours: SupportHours[];
}

/**
 * One entry a figure: `compute` makes it; `json` writes its keys of the
 * metrics JSON (in this order), with the figures SPEC groups under the same
 * key (milestone spans under onboarding, grant prospects under pipeline);
 * `about` and `section` make the index of docs/figures.md.
 */
const figure = <T, J extends object = object>(spec: {
  about: string;
  section: string;
  compute: (input: FigureInput) => T;
  json?: (value: T, grouped: Grouped) => J;
}) => spec;

export const FIGURES = {
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
  receivables: figure({
    about: 'outstanding receivables by age, and the overdue invoices',
    section: 'Invoicing',
    compute: ({ ctx }) => receivables(ctx),
    json: (r) => ({
      receivables: {
        outstanding: money(r.outstanding),
        buckets: Object.fromEntries(BUCKETS.map((b) => [b, money(r.buckets[b])])),
        overdue_invoices: r.open.filter((o) => o.daysPastDue > 0).map((o) => o.invoice.number),
      },
    }),
  }),
  unbilled: figure({
    about: 'fixed-fee billing periods due and one-time fees dated by D that no invoice bills, with their amounts',
    section: 'Invoicing',
    compute: ({ ctx }) => unbilled(ctx),
    json: (u) => ({
      unbilled: u.map(({ contract, kind, from, to, amount, currency }) => ({
        contract,
        kind,
        from,
        to,
        amount: toFixed(amount, MINOR_UNITS[currency]),
        currency,
      })),
    }),
  }),
  renewals: figure({
    about: 'active contracts ending within the renewal window, with their notice dates',
    section: 'Renewals',
    compute: ({ ctx }) => renewals(ctx),
    json: (r) => ({ renewals: r.map(({ contract, end, noticeBy }) => ({ contract, end, notice_by: noticeBy })) }),
  }),
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
  onboarding: figure({
    about: 'partners in onboarding, their checklist progress and days in stage',
    section: 'Onboarding',
    compute: ({ ctx }) => onboardingPartners(ctx),
    json: (o, { milestoneSpans }) => ({
      onboarding: {
        partners: o.map((x) => ({
          id: x.partner.id,
          progress: fraction(x.progress),
          days_in_stage: x.daysInStage ?? null,
        })),
        milestone_days: Object.fromEntries(
          milestoneSpans.map((s) => [`${s.from}->${s.to}`, { median: s.median ?? null, p90: s.p90 ?? null, n: s.n }]),
        ),
      },
    }),
  }),
  milestoneSpans: figure({
    about: 'median and 90th percentile days between milestones (in the JSON under onboarding)',
    section: 'Onboarding',
    compute: ({ ctx }) => milestoneSpans(ctx),
  }),
  nps: figure({
    about: 'net promoter score per survey',
    section: 'Community',
    compute: ({ ctx }) => npsBySurvey(ctx),
    json: (n) => ({ nps: n.map(({ survey, score, responses }) => ({ survey, score, responses })) }),
  }),
  decliningUsage: figure({
    about: 'partners whose active users in M fell below 70 % of the three months before',
    section: 'Community',
    compute: ({ ctx }) => decliningUsage(ctx),
    json: (d) => ({ declining_usage: d }),
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
  ledgers: figure({
    about: 'per contract: contracted, invoiced and collected to date',
    section: 'Invoicing',
    compute: ({ ctx }) => ledgers(ctx),
    json: (ls) => ({
      contracts: ls.map((l) => ({
        contract: l.contract,
        partner: l.partner,
        currency: l.currency,
        contracted: money(l.contracted),
        invoiced: money(l.invoiced),
        collected: money(l.collected),
      })),
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
  support: figure({
    about: 'support requests over the 90 days ending D: opened, acknowledged within one working day, time to answer',
    section: 'Support and training',
    compute: ({ ctx }) => supportFigures(ctx, ctx.repo.partners),
    json: (s, { supportHours }) => ({
      support: {
        opened: s.opened,
        acknowledged_on_time_pct: s.onTimePct ?? null,
        median_hours_to_acknowledge: s.medianHoursToAcknowledge ?? null,
        median_days_to_resolve: s.medianDaysToResolve ?? null,
        open_over_7_days: s.openOver7Days.map((x) => `${x.partner.id}/${x.request.id}`),
        hours: supportHours.map((h) => ({
          contract: h.contract,
          used: h.used.toNumber(),
          budget: h.budget?.toNumber() ?? null,
        })),
      },
    }),
  }),
  supportHours: figure({
    about: "support hours used in the contract year containing D against the contract's budget (JSON under support)",
    section: 'Support and training',
    compute: ({ ctx }) => supportHours(ctx),
  }),
  csat: figure({
    about: 'CSAT% per survey round, and of support requests per month',
    section: 'Community',
    compute: ({ ctx }) => csatBySurvey(ctx),
    json: (c) => ({ csat: c.map(({ survey, score, responses }) => ({ survey, score, responses })) }),
  }),
  training: figure({
    about: 'training sessions and attendees per partner over the 12 months ending D; partners with none',
    section: 'Support and training',
    compute: ({ ctx }) => training(ctx),
    json: (t) => ({
      training: t.partners.map((x) => ({ partner: x.partner.id, sessions: x.sessions, attendees: x.attendees })),
      untrained_partners: t.untrained.map((p) => p.id),
    }),
  }),
  timeToFirstValue: figure({
    about: 'median and 90th percentile days from contract_signed to first value (recorded, or derived from usage)',
    section: 'Time to first value',
    compute: ({ ctx }) => timeToFirstValue(ctx),
    json: (s) => ({
      time_to_first_value: {
        median: s.median ?? null,
        p90: s.p90 ?? null,
        n: s.n,
        derived: s.derived,
        partners: s.partners.map((r) => ({
          partner: r.partner,
          first_value: r.firstValue.date,
          days: r.days,
          derived: r.firstValue.derived,
        })),
      },
    }),
  }),
  awaitingFirstValue: figure({
    about: 'partners whose hub went live over 30 days ago, still running, with no first value (recorded or derived)',
    section: 'Time to first value',
    compute: ({ ctx }) => awaitingFirstValue(ctx),
    json: (a) => ({ awaiting_first_value: a }),
  }),
  health: figure({
    about: 'engagement health of every partner in onboarding, active or paused, with every reason',
    section: 'Engagement health',
    compute: ({ ctx, history, activity }) => engagementHealth(ctx, history.available ? activity : undefined),
    json: (h) => ({ health: h.map(({ partner, health, reasons }) => ({ partner, health, reasons })) }),
  }),
  lapsed: figure({
    about: 'agreements lapsed with a hub still running: since, days, next two-week extension, decision date',
    section: 'Engagement health',
    compute: ({ ctx }) => lapsedAgreements(ctx),
    json: (l) => ({
      lapsed: l.map((x) => ({
        partner: x.partner,
        since: x.since,
        days: x.days,
        next_extension: x.nextExtension,
        decision_by: x.decisionBy,
      })),
    }),
  }),
  offboarding: figure({
    about:
      'contracts ending within 90 days with nothing after them: renewal talks, offboarding request, final reminder',
    section: 'Engagement health',
    compute: ({ ctx }) => offboardingTimeline(ctx),
    json: (o) => ({
      offboarding: o.map((x) => ({
        contract: x.contract,
        end: x.end,
        renewal_talks: x.renewalTalks,
        offboarding_request: x.offboardingRequest,
        final_reminder: x.finalReminder,
      })),
    }),
  }),
  cloudCostAnomalies: figure({
    about: 'hubs whose cloud cost in M is above 1.2 × the mean of their three previous months',
    section: 'Engagement health',
    compute: ({ ctx }) => cloudCostAnomalies(ctx),
    json: (a) => ({
      cloud_cost_anomalies: a.map((x) => ({
        hub: x.hub,
        month: x.month,
        amount: money(x.amount),
        baseline: money(x.baseline),
      })),
    }),
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
  unattributed: figure({
    about: 'cloud bills of M that no hub is mapped to: cost nobody recovers (counted in MRC)',
    section: 'Revenue and costs',
    compute: ({ ctx }) => unattributedCosts(ctx, ctx.month),
    json: (u) => ({ unattributed_cloud_costs: money(sum(u.map((c) => c.amount))) }),
  }),
};

type Table = typeof FIGURES;

export type Figures = { ctx: FigureContext; asOf: string; currency: string } & {
  readonly [K in keyof Table]: ReturnType<Table[K]['compute']>;
};

/**
 * Every figure at `asOf`. Each is computed the first time it is read, then
 * kept: "change since last month" reads a handful of headline figures of the
 * month before, not all of them.
 */
export function computeFigures(records: Repository, asOf: string, history: History = NO_HISTORY): Figures {
  // Only what was true on the as-of date: facts dated later are taken back first.
  const repo = factsAt(records, asOf);
  const ctx = figureContext(repo, asOf);
  const input: FigureInput = { ctx, history, activity: partnerActivity(history, asOf) };
  const f = { ctx, asOf, currency: repo.config.reporting_currency } as Figures;
  for (const [key, spec] of Object.entries(FIGURES) as [keyof Table, { compute: (i: FigureInput) => unknown }][]) {
    Object.defineProperty(f, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = spec.compute(input);
        Object.defineProperty(f, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return f;
}

/** The same day a month earlier (clamped), for "change vs last month". */
export function previousMonthDate(asOf: string): string {
  return addMonthsToDate(asOf, -1);
}

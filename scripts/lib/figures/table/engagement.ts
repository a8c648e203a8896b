/**
 * The figures table's entries (index.ts) for partners: onboarding, first value, community, support and
 * training, and engagement health.
 */
import { csatBySurvey, decliningUsage, npsBySurvey, training } from '../community.js';
import { awaitingFirstValue, milestoneSpans, onboardingPartners, timeToFirstValue } from '../onboarding.js';
import { cloudCostAnomalies, lapsedAgreements, offboardingTimeline } from '../engagement.js';
import { engagementHealth } from '../health.js';
import { supportFigures, supportHours } from '../support.js';
import { money, fraction, figure } from './figure.js';

export const ENGAGEMENT_FIGURES = {
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
};

/** The business-development part of pipeline.md: KPIs beside their targets, funnel, lead sources, forecast, cohorts. */
import type { Figures } from '../../figures/index.js';
import { FUNNEL_STEPS, SOURCE_ORDER, type FunnelStep, type LeadSource } from '../../figures/kpis.js';
import { withShownParts } from '../../money/apportion.js';
import { dec, type Decimal } from '../../money/decimal.js';
import { xyChart } from '../charts.js';
import { md } from '../markdown.js';
import { money, ratio } from '../numbers.js';
import { code, partnerLink } from './links.js';
import { defined, MILESTONE_WORDS } from './terms.js';

/** One colour a source (the chart's caption names them, as xychart draws no legend): GitHub's Primer colours. */
const SOURCE_COLOURS = ['#0969da', '#cf222e', '#1a7f37', '#bc4c00', '#8250df', '#bf3989', '#1b7c83', '#6e7781'];

const STEP_LABELS: Record<FunnelStep, string> = {
  lead: 'leads',
  qualified: 'qualified',
  proposal_sent: 'proposal sent',
  contract_signed: 'contract signed',
  hub_live: 'hub live',
  onboarding_complete: 'onboarding complete',
};

/** The chart's axis labels: one or two short words, so the last one is not clipped at the chart's edge. */
const STEP_AXIS: Record<FunnelStep, string> = {
  lead: 'lead',
  qualified: 'qualified',
  proposal_sent: 'proposal',
  contract_signed: 'signed',
  hub_live: 'hub live',
  onboarding_complete: 'onboarded',
};

const days = (n: number | undefined) => (n === undefined ? '—' : String(n));

/** "met" / "below target" beside a KPI that has a target (higher is better for both). */
function againstTarget(value: Decimal | undefined, target: number): string {
  if (value === undefined) return '—';
  return value.greaterThanOrEqualTo(dec(target)) ? 'on target' : 'below target';
}

/**
 * The funnel as bars stacked by source. xychart-beta has no stacked bars
 * but draws every bar series at the same place, later ones in front: the
 * first series is every source together, each next one leaves one more
 * source out, so each source shows as one band (the first source on top).
 */
function funnelChart(f: Figures, sources: LeadSource[]): string {
  const series = sources.map((source, k) => ({
    name: source,
    kind: 'bar' as const,
    color: SOURCE_COLOURS[k % SOURCE_COLOURS.length],
    values: f.funnel.map((row) => sources.slice(k).reduce((n, s) => n + (row.bySource.get(s) ?? 0), 0)),
  }));
  return xyChart({
    title: 'Partners reaching each step, by lead source',
    x: FUNNEL_STEPS.map((s) => STEP_AXIS[s]),
    yLabel: 'partners',
    series: series.length ? series : [{ name: 'none', kind: 'bar', values: f.funnel.map(() => 0) }],
  });
}

export function kpiView(f: Figures) {
  const config = f.ctx.repo.config;
  const sources = SOURCE_ORDER.filter((s) => f.funnel[0].bySource.has(s));
  const { lqr, renewalRate, fmrr } = f;
  return {
    kpis: [
      {
        name: defined('Lead qualification ratio', 'lqr'),
        over: `leads first contacted ${lqr.window.after} (exclusive) to ${lqr.window.to}`,
        value: ratio(lqr.ratio),
        detail: `${lqr.qualified.length} of ${lqr.leads.length} qualified`,
        target: ratio(dec(config.lqr_target)),
        status: againstTarget(lqr.ratio, config.lqr_target),
      },
      {
        name: defined('Renewal rate', 'renewalRate'),
        over: `contracts ending ${renewalRate.window.after} (exclusive) to ${renewalRate.window.to}`,
        value: ratio(renewalRate.rate),
        detail:
          `${renewalRate.outcomes.filter((o) => o.renewedBy).length} of ${renewalRate.outcomes.length} renewed; ` +
          `churn ${ratio(renewalRate.churn)}`,
        target: ratio(dec(config.renewal_target)),
        status: againstTarget(renewalRate.rate, config.renewal_target),
      },
      {
        name: defined('Forecast monthly recurring revenue, next 6 months together', 'forecast'),
        over: `${fmrr.months[0].month} to ${fmrr.months[fmrr.months.length - 1].month}`,
        value: money(fmrr.total),
        detail: 'see the forecast below',
        target: '—',
        status: '—',
      },
    ],
    renewalOutcomes: renewalRate.outcomes.map((o) => ({
      contract: code(o.contract),
      partner: partnerLink(f.ctx.partnerById.get(o.partner)!),
      end: o.end,
      renewedBy: o.renewedBy ? code(o.renewedBy) : 'not renewed',
    })),
    // The six months shown add up to the 6-month forecast shown under them (R7).
    fmrr: withShownParts(fmrr.months, (m) => m.fmrr).map(([m, shown]) => ({
      month: m.month,
      cmrr: money(m.cmrr),
      rmrr: money(m.rmrr),
      nmrr: money(m.nmrr),
      fmrr: money(shown),
    })),
    fmrrTotal: money(fmrr.total),
    renewalWeight: fmrr.renewalWeight.toString(),
    newWeight: fmrr.newWeight.toString(),
    funnelChart: funnelChart(f, sources),
    funnelSources: sources.map((s) => md(s)),
    funnelRows: f.funnel.map((row) => ({
      step: STEP_LABELS[row.step],
      counts: sources.map((s) => String(row.bySource.get(s) ?? 0)),
      total: String(row.total),
    })),
    leadSources: f.leadSources.map((r) => ({
      source: md(r.source),
      leads: String(r.leads),
      signed: String(r.signed),
      share: ratio(r.signedShare),
      median: days(r.medianDaysToSign),
      campaigns: r.campaigns.map(md).join(', ') || '—',
    })),
    spanNames: f.milestoneSpans.map((s) => `${MILESTONE_WORDS[s.from]} → ${MILESTONE_WORDS[s.to]}`),
    cohorts: f.cohorts.map((c) => ({
      quarter: c.quarter,
      leads: String(c.leads),
      spans: c.spans.map((s) => (s.n ? `${days(s.median)} (${s.n})` : '—')),
    })),
  };
}

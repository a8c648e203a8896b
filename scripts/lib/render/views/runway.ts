/** runway.md: how long the money lasts, whether the pipeline covers the gap, which contracts are not collected. */
import type { Figures } from '../../figures/index.js';
import type { Status } from '../../figures/runway.js';
import { toFixed, type Decimal } from '../../money/decimal.js';
import { md } from '../markdown.js';
import { money } from '../numbers.js';
import { xyChart } from '../charts.js';
import { header, type ReportMeta } from './meta.js';

const STATUS_LABEL: Record<Status, string> = {
  over: '🔵 over target',
  green: '🟢 green',
  yellow: '🟡 yellow',
  red: '🔴 red',
};

const FLAG_WORDS = {
  'no-invoice': 'started 6 or more months ago and never invoiced',
  'over-collected': 'more paid than its total fees',
  'ended-under-invoiced': 'ended with less invoiced than its total fees',
  'ended-under-paid': 'ended with less paid than invoiced',
  'ending-not-invoiced': 'ends within 3 months with more than half of its fees not invoiced',
} as const;

const BREACH_WORDS = {
  'p10-below-committed': 'P10 is below committed revenue',
  'mean-below-p10': 'the mean is below P10',
  'mean-above-p90': 'the mean is above P90 (fewer than one run in ten closes a draft with fees that month)',
} as const;

const num = (d: Decimal) => d.toNumber();

export function runwayView(f: Figures, meta: ReportMeta) {
  const r = f.runway.runway;
  const t = r.thresholds;
  const s = r.scenarios;
  const runwayText =
    r.runwayMonths === undefined
      ? 'not known: no cash statement on or before the as-of date in `finance/cash.yaml`'
      : r.runsOut
        ? `${r.runwayMonths} months: cash runs out in ${r.runsOut}`
        : `${r.runwayMonths} months: still solvent after all ${r.months.length} months`;
  return {
    header: header(meta, 'Runway and scenarios'),
    sponsorPct: String(meta.sponsorFeePct),
    cash: r.cash && {
      date: r.cash.date,
      amount: money(r.cash.amount),
      currency: r.cash.currency,
      converted: r.cash.currency === meta.currency ? undefined : money(r.cash.converted),
      note: r.cash.note === undefined ? undefined : md(r.cash.note),
    },
    scorecard: [
      {
        figure: 'Runway',
        value: runwayText,
        status: r.status ? STATUS_LABEL[r.status] : '—',
        next: r.target?.sentence ?? (r.status ? 'at the top status' : 'add a cash statement'),
        thresholds: `≥ ${t.runway.over} over, ≥ ${t.runway.green} green, ≥ ${t.runway.yellow} yellow (months)`,
      },
      {
        figure: 'Surplus/deficit',
        value:
          r.surplus.ratio === undefined
            ? 'no costs in the next 6 months'
            : `${toFixed(r.surplus.ratio, 2)} (monthly gap ${money(r.surplus.gap)})`,
        status: STATUS_LABEL[r.surplus.status],
        next: r.surplus.target?.sentence ?? 'at the top status',
        thresholds: `≥ ${t.surplus.over} over, ≥ ${t.surplus.green} green, ≥ ${t.surplus.yellow} yellow`,
      },
      {
        figure: 'Pipeline coverage',
        value: r.coverage.ratio === undefined ? 'no gap' : toFixed(r.coverage.ratio, 2),
        status: STATUS_LABEL[r.coverage.status],
        next: r.coverage.target?.sentence ?? 'at the top status',
        thresholds: `≥ ${t.coverage.over} over, ≥ ${t.coverage.green} green, ≥ ${t.coverage.yellow} yellow`,
      },
    ],
    near: {
      meanCommitted: money(r.surplus.meanCommitted),
      meanCosts: money(r.surplus.meanCosts),
      covered: money(r.coverage.covered),
      gap: money(r.coverage.gap),
    },
    months: r.months.map((m) => ({
      month: m.month,
      committed: money(m.committed),
      costs: money(m.costs),
      net: money(m.committed.minus(m.costs)),
      balance: m.balance === undefined ? '—' : money(m.balance),
      below: m.balance?.isNegative() ?? false,
    })),
    chart: xyChart({
      title: 'Committed (dark bars), P10–P90 (light bars: P90 behind P10), mean and costs (lines)',
      x: s.months.map((m) => m.month),
      yLabel: meta.currency,
      series: [
        { name: 'P90', kind: 'bar', color: '#9ecbff', values: s.months.map((m) => num(m.p90)) },
        { name: 'P10', kind: 'bar', color: '#54aeff', values: s.months.map((m) => num(m.p10)) },
        { name: 'committed', kind: 'bar', color: '#0969da', values: s.months.map((m) => num(m.committed)) },
        { name: 'mean', kind: 'line', color: '#1a7f37', values: s.months.map((m) => num(m.mean)) },
        { name: 'costs', kind: 'line', color: '#cf222e', values: r.months.map((m) => num(m.costs)) },
      ],
    }),
    balanceChart:
      r.cash &&
      xyChart({
        title: r.runsOut ? `Cash balance: below 0 in ${r.runsOut}` : 'Cash balance: never below 0 in 18 months',
        x: r.months.map((m) => m.month),
        yLabel: meta.currency,
        yInclude: [0],
        series: [
          { name: 'balance', kind: 'line', color: '#0969da', values: r.months.map((m) => num(m.balance!)) },
          { name: 'zero', kind: 'line', color: '#cf222e', values: r.months.map(() => 0) },
        ],
      }),
    seed: String(s.seed),
    runs: String(s.runs),
    drafts: s.drafts.map((d) => ({ contract: d.contract, probability: String(d.probability) })),
    scenarios: s.months.map((m, i) => ({
      month: m.month,
      committed: money(m.committed),
      p10: money(m.p10),
      mean: money(m.mean),
      p90: money(m.p90),
      usage: money(r.expectedUsage[i]),
    })),
    breaches: s.breaches.map((b) => ({ month: b.month, what: BREACH_WORDS[b.breach] })),
    flags: f.runway.flags.map((x) => ({
      contract: x.contract,
      partner: x.partner,
      what: FLAG_WORDS[x.flag],
      flag: x.flag,
      currency: x.currency,
      total: money(x.totalFees),
      invoiced: money(x.invoiced),
      paid: money(x.paid),
    })),
  };
}

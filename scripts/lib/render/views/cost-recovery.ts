/** cost-recovery.md: MRR against MRC, the 12-month trend, and each partner's recovery. */
import type { Figures } from '../../figures/index.js';
import { roundToTotal } from '../../money/apportion.js';
import { sum, type Decimal } from '../../money/decimal.js';
import { RECOVERY_WORDS, type PartnerRecovery } from '../../figures/recovery.js';
import { costRatio, money } from '../numbers.js';
import { xyChart } from '../charts.js';
import { partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { recoveryHeadline } from '../../figures/headline.js';
import { incompleteAlert, monthLabel, NOT_RECORDED } from './incomplete.js';
import { partnerCloud, partnerRatio } from './partner-ratio.js';

export function costRecoveryView(f: Figures, meta: ReportMeta) {
  const config = f.ctx.repo.config;
  const shown = shownPartnerFigures(f);
  const partners = f.partners
    .filter((p) => !p.revenue.isZero() || !p.cloudCost.isZero() || !p.sharedCost.isZero())
    .sort((a, b) => b.revenue.comparedTo(a.revenue) || (a.partner.id < b.partner.id ? -1 : 1));
  return {
    header: header(meta, 'Cost recovery'),
    month: monthLabel(f.ctx.month, f.recovery.incomplete),
    ...leadRatio(f),
    allocation: config.cost_allocation,
    words: RECOVERY_WORDS,
    alert: incompleteAlert(
      f,
      f.completeness.last
        ? `The ratio above is that of ${f.completeness.last.month}, the last complete month.`
        : 'The ratio above is a figure so far.',
    ),
    unattributed: f.unattributed.length
      ? {
          total: money(sum(f.unattributed.map((c) => c.amount))),
          rows: f.unattributed.map((c) => ({ provider: c.provider, source: c.source, amount: money(c.amount) })),
        }
      : undefined,
    trend: f.trend.map((p) => ({
      month: monthLabel(p.month, p.incomplete),
      mrr: money(p.mrr),
      mrc: money(p.mrc),
      ratio: costRatio(p.ratio),
    })),
    ratioChart: ratioChart(f),
    chart: xyChart({
      title: 'MRR (bars) and MRC (line), last 12 months',
      x: f.trend.map((p) => p.month),
      yLabel: meta.currency,
      series: [
        { name: 'MRR', kind: 'bar', values: f.trend.map((p) => p.mrr.toNumber()) },
        { name: 'MRC', kind: 'line', values: f.trend.map((p) => p.mrc.toNumber()) },
      ],
      incomplete: f.trend.map((p) => p.incomplete),
    }),
    partners: partners.map((p) => ({
      partner: partnerLink(p.partner),
      ...shown.get(p)!,
      cloud: partnerCloud(p) === NOT_RECORDED ? NOT_RECORDED : shown.get(p)!.cloud,
      recovery: partnerRatio(p),
    })),
    partnersTotal: shown.get('total')!,
  };
}

type ShownFigures = { revenue: string; cloud: string; shared: string };

/**
 * Each partner's revenue, cloud cost and share of the recurring costs as shown, and their totals: every column
 * rounded over all the partners so that it adds up to its total (R7), the revenue to the MRR above the table.
 */
function shownPartnerFigures(f: Figures): Map<PartnerRecovery | 'total', ShownFigures> {
  const parts: ((p: PartnerRecovery) => Decimal)[] = [(p) => p.revenue, (p) => p.cloudCost, (p) => p.sharedCost];
  const columns = parts.map((part) => roundToTotal(f.partners.map(part)));
  const row = ([revenue, cloud, shared]: Decimal[]) => ({
    revenue: money(revenue),
    cloud: money(cloud),
    shared: money(shared),
  });
  return new Map<PartnerRecovery | 'total', ShownFigures>([
    ...f.partners.map((p, i) => [p, row(columns.map((c) => c[i]))] as const),
    ['total', row(columns.map(sum))],
  ]);
}

/**
 * The ratio the report leads with: that of the last complete month, with M's so far beside it when M is
 * incomplete (a missing bill would read as costs falling).
 */
function leadRatio(f: Figures) {
  const r = recoveryHeadline(f);
  const last = r.month === undefined ? f.recovery : r.month === f.ctx.month ? f.recovery : f.completeness.last!;
  return {
    ratioMonth: r.month ?? `${f.ctx.month} so far (incomplete)`,
    mrr: money(last.mrr),
    mrc: money(last.mrc),
    ratio: costRatio(last.ratio),
    soFar:
      r.month && r.missing.length
        ? ` ${f.ctx.month} so far (incomplete): ${costRatio(f.recovery.ratio)} — MRC ${money(f.recovery.mrc)}, ` +
          `MRR ${money(f.recovery.mrr)}.`
        : '',
  };
}

/**
 * The ratio's trend against its 1.0 line, on the dashboard and cost-recovery.md; a month without revenue has no
 * ratio and no point (never a 0 that would read as best).
 */
export function ratioChart(f: Figures): string {
  const points = f.trend.filter((p) => p.ratio !== undefined);
  return xyChart({
    // Mermaid text has no ÷: the axis says the direction instead.
    title: 'Cost recovery ratio (MRC / MRR), last 12 months',
    x: points.map((p) => p.month),
    yLabel: 'costs / revenue, lower is better',
    series: [
      { name: 'costs / revenue', kind: 'line', values: points.map((p) => p.ratio!.toNumber()) },
      // The line the ratio is read against: under it, revenue covers costs.
      { name: '1.0, below it revenue covers costs', kind: 'line', color: '#6e7781', values: points.map(() => 1) },
    ],
    incomplete: points.map((p) => p.incomplete),
  });
}

/** cost-recovery.md: MRR against MRC, the 12-month trend, and each partner's recovery. */
import type { Figures } from '../../figures/index.js';
import { roundToTotal } from '../../money/apportion.js';
import { sum, type Decimal } from '../../money/decimal.js';
import { RECOVERY_WORDS, type PartnerRecovery } from '../../figures/recovery.js';
import { money, ratio } from '../numbers.js';
import { xyChart } from '../charts.js';
import { partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { cloudBillsNote } from './dashboard.js';

export function costRecoveryView(f: Figures, meta: ReportMeta) {
  const config = f.ctx.repo.config;
  const shown = shownPartnerFigures(f);
  const partners = f.partners
    .filter((p) => !p.revenue.isZero() || !p.cloudCost.isZero() || !p.sharedCost.isZero())
    .sort((a, b) => b.revenue.comparedTo(a.revenue) || (a.partner.id < b.partner.id ? -1 : 1));
  return {
    header: header(meta, 'Cost recovery'),
    month: f.ctx.month,
    mrr: money(f.recovery.mrr),
    mrc: money(f.recovery.mrc),
    ratio: ratio(f.recovery.ratio),
    allocation: config.cost_allocation,
    words: RECOVERY_WORDS,
    cloudNote: cloudBillsNote(f),
    unattributed: f.unattributed.length
      ? {
          total: money(sum(f.unattributed.map((c) => c.amount))),
          rows: f.unattributed.map((c) => ({ provider: c.provider, source: c.source, amount: money(c.amount) })),
        }
      : undefined,
    trend: f.trend.map((p) => ({ month: p.month, mrr: money(p.mrr), mrc: money(p.mrc), ratio: ratio(p.ratio) })),
    chart: xyChart({
      title: 'MRR (bars) and MRC (line), last 12 months',
      x: f.trend.map((p) => p.month),
      yLabel: meta.currency,
      series: [
        { name: 'MRR', kind: 'bar', values: f.trend.map((p) => p.mrr.toNumber()) },
        { name: 'MRC', kind: 'line', values: f.trend.map((p) => p.mrc.toNumber()) },
      ],
    }),
    partners: partners.map((p) => ({
      partner: partnerLink(p.partner),
      ...shown.get(p)!,
      recovery: p.note ?? ratio(p.recovery),
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

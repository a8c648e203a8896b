/** cost-recovery.md: MRR against MRC, the 12-month trend, and each partner's recovery. */
import type { Figures } from '../../figures/index.js';
import { sum } from '../../money/decimal.js';
import { RECOVERY_WORDS } from '../../figures/recovery.js';
import { money, ratio } from '../numbers.js';
import { xyChart } from '../charts.js';
import { partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { cloudBillsNote } from './dashboard.js';

export function costRecoveryView(f: Figures, meta: ReportMeta) {
  const config = f.ctx.repo.config;
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
      revenue: money(p.revenue),
      cloud: money(p.cloudCost),
      shared: money(p.sharedCost),
      recovery: p.note ?? ratio(p.recovery),
    })),
  };
}

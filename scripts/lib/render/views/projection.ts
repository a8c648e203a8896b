/** projection.md: the runway picture, 18 months ahead. */
import type { Figures } from '../../figures/index.js';
import { ACCOUNT_SIZE_LIMITS, revenueByAccountSize, SERVICES } from '../../figures/projection.js';
import { roundToTotal } from '../../money/apportion.js';
import { sum } from '../../money/decimal.js';
import { money } from '../numbers.js';
import { xyChart } from '../charts.js';
import { header, type ReportMeta } from './meta.js';

export function projectionView(f: Figures, meta: ReportMeta) {
  const config = f.ctx.repo.config;
  // Shown parts add up to the shown totals (R7): each column to its 18 months' total, each month's services to
  // its committed revenue; the row's total and gap are of the amounts shown.
  const [committed, pipeline, costs] = (['committed', 'pipeline', 'costs'] as const).map((k) =>
    roundToTotal(f.projection.map((p) => p[k])),
  );
  const rows = f.projection.map((p, i) => ({
    month: p.month,
    committed: money(committed[i]),
    pipeline: money(pipeline[i]),
    total: money(committed[i].plus(pipeline[i])),
    costs: money(costs[i]),
    gap: money(committed[i].plus(pipeline[i]).minus(costs[i])),
    services: roundToTotal(
      SERVICES.map((s) => p.committedByService[s]),
      2,
      committed[i],
    ).map(money),
  }));
  const num = (d: { toNumber(): number }) => d.toNumber();
  const [small, large] = [money(ACCOUNT_SIZE_LIMITS.small), money(ACCOUNT_SIZE_LIMITS.large)];
  return {
    header: header(meta, 'Revenue projection'),
    months: String(f.projection.length),
    cutoff: String(config.pipeline_min_probability),
    chart: xyChart({
      title: 'Committed (dark) + weighted pipeline (light) vs costs (line)',
      x: f.projection.map((p) => p.month),
      yLabel: meta.currency,
      series: [
        // Drawn in order, so the taller total bar sits behind the committed bar: a stacked look.
        {
          name: 'committed + pipeline',
          kind: 'bar',
          color: '#9ecbff',
          values: f.projection.map((p) => num(p.committed.plus(p.pipeline))),
        },
        { name: 'committed', kind: 'bar', color: '#0969da', values: f.projection.map((p) => num(p.committed)) },
        { name: 'costs', kind: 'line', color: '#cf222e', values: f.projection.map((p) => num(p.costs)) },
      ],
    }),
    rows,
    services: SERVICES,
    totals: {
      committed: money(sum(f.projection.map((p) => p.committed))),
      pipeline: money(sum(f.projection.map((p) => p.pipeline))),
      costs: money(sum(f.projection.map((p) => p.costs))),
    },
    sizes: revenueByAccountSize(f.ctx).map((r) => ({
      size: r.size,
      range: { small: `up to ${small}`, medium: `${small} to ${large}`, large: `${large} or more` }[r.size],
      partners: String(r.partners.length),
      monthly: money(r.monthly),
      annual: money(r.monthly.times(12)),
    })),
  };
}

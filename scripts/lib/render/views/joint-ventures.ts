/** joint-ventures.md: per reseller, cloud vendor and publisher, what it brings and what it costs. */
import type { Figures } from '../../figures/index.js';
import { netEffect, type JvMonth } from '../../figures/joint-ventures.js';
import { sum } from '../../money/decimal.js';
import { money, signedMoney } from '../numbers.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';

export function jointVenturesView(f: Figures, meta: ReportMeta) {
  const cells = (m: JvMonth) => ({
    revenue: money(m.revenue),
    share: money(m.sharePaid),
    credits: money(m.creditsUsed),
    net: signedMoney(netEffect(m)),
  });
  const jvs = f.jointVentures;
  return {
    header: header(meta, 'Joint ventures'),
    month: f.ctx.month,
    rows: jvs.map((j) => ({
      partner: partnerLink(j.partner),
      type: j.partner.profile!.value.type,
      pct: j.sharePct === undefined ? '—' : `${j.sharePct.toString()} %`,
      contracts: j.contracts.map(code).join(', ') || '—',
      month: cells(j.month),
      year: cells(j.year),
    })),
    totals: {
      share: money(sum(jvs.map((j) => j.month.sharePaid))),
      credits: money(sum(jvs.map((j) => j.month.creditsUsed))),
    },
  };
}

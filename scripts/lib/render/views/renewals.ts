/** renewals.md: active contracts ending within the renewal window. */
import type { Figures } from '../../figures/index.js';
import { daysBetween } from '../../time/calendar.js';
import { money } from '../numbers.js';
import { feeRevenue } from '../../figures/revenue.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { plural } from '../../text/plural.js';

export function renewalsView(f: Figures, meta: ReportMeta) {
  const views = new Map(f.ctx.contracts.map((v) => [v.contract.id, v]));
  return {
    header: header(meta, 'Renewals'),
    window: String(f.ctx.repo.config.renewal_window_days),
    renewals: f.renewals.map((r) => ({
      contract: code(r.contract),
      partner: partnerLink(f.ctx.partnerById.get(r.partner)!),
      end: r.end,
      daysLeft: String(daysBetween(f.asOf, r.end)),
      noticeBy: r.noticeBy,
      notice: r.noticePassed ? '**passed**' : `in ${plural(daysBetween(f.asOf, r.noticeBy), 'day')}`,
      autoRenew: r.autoRenew ? 'yes' : 'no',
      mrr: money(feeRevenue(f.ctx, views.get(r.contract)!, f.ctx.month).times(f.ctx.netOfSponsor)),
    })),
  };
}

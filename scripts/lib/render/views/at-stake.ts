/**
 * Who answers for a partner and what is at stake with it, as the Monday review names them: the partner
 * record's account owner and its MRR of the as-of month (the figure its page shows, in the reporting currency).
 */
import type { Figures } from '../../figures/index.js';
import { partnerRevenue } from '../../figures/revenue.js';
import type { PartnerFolder } from '../../model/repository.js';
import { md } from '../markdown.js';
import { money } from '../numbers.js';
import { addMonths } from '../../time/calendar.js';

export function ownerOf(p: PartnerFolder): string {
  return p.profile ? md(p.profile.value.account_owner) : '—';
}

/**
 * "1,801.50 USD": the partner's part of the dashboard's MRR of M (so far when M is incomplete). A partner whose
 * revenue stopped this month (a lapsed agreement) has 0.00 in M: the month before says what is at stake,
 * "0.00 USD (2026-10: 1,000.00 USD)".
 */
export function mrrAtStake(f: Figures, p: PartnerFolder): string {
  const now = partnerRevenue(f.ctx, p, f.ctx.month);
  const shown = `${money(now)} ${f.currency}`;
  if (!now.isZero()) return shown;
  const before = addMonths(f.ctx.month, -1);
  const then = partnerRevenue(f.ctx, p, before);
  return then.isZero() ? shown : `${shown} (${before}: ${money(then)} ${f.currency})`;
}

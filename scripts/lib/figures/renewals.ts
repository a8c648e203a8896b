/** Active contracts ending within the renewal window, with the date notice must be given by. */
import type { Contract } from '../model/records.js';
import { addDays } from '../time/calendar.js';
import type { FigureContext } from './context.js';

export interface Renewal {
  contract: string;
  partner: string;
  end: string;
  noticeBy: string;
  autoRenew: boolean;
  /** True when the notice date has already passed. */
  noticePassed: boolean;
}

/** The last day to give notice: the end less the contract's `notice_days` (none: the end itself). */
export function noticeDeadline(c: Pick<Contract, 'end' | 'notice_days'>): string {
  return addDays(c.end, -(c.notice_days ?? 0));
}

export function renewals(ctx: FigureContext): Renewal[] {
  const horizon = addDays(ctx.asOf, ctx.repo.config.renewal_window_days);
  return ctx.contracts
    .filter(({ contract: c }) => c.status === 'active' && c.end > ctx.asOf && c.end <= horizon)
    .map(({ contract: c, partner }) => {
      const noticeBy = noticeDeadline(c);
      return {
        contract: c.id,
        partner: partner.id,
        end: c.end,
        noticeBy,
        autoRenew: c.auto_renew ?? false,
        noticePassed: noticeBy < ctx.asOf,
      };
    })
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.contract < b.contract ? -1 : 1));
}

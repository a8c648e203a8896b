/** engagement-review.md: the weekly review, read aloud top to bottom — off-track, at-risk, then the lists. */
import type { Health } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import { daysBetween } from '../../time/calendar.js';
import { md } from '../markdown.js';
import { money } from '../numbers.js';
import { healthIndex, reasonPhrases, rise } from './health.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';

/** A date with how it stands against D: "2026-12-01 (in 7 days)", "2026-11-20 (passed)", "2026-11-24 (today)". */
function when(date: string, asOf: string): string {
  const days = daysBetween(asOf, date);
  if (days === 0) return `**${date} (today)**`;
  return days < 0 ? `${date} (passed)` : `${date} (in ${days} day${days === 1 ? '' : 's'})`;
}

export function engagementReviewView(f: Figures, meta: ReportMeta) {
  const index = healthIndex(f);
  const link = (id: string) => partnerLink(f.ctx.partnerById.get(id)!);
  const stage = (id: string) => f.ctx.partnerById.get(id)!.profile!.value.stage;
  const rows = (h: Health) =>
    f.health
      .filter((x) => x.health === h)
      .map((x) => ({
        partner: link(x.partner),
        stage: stage(x.partner),
        reasons: reasonPhrases(index, x.partner).join('; '),
      }));
  const offTrack = rows('off-track');
  const atRisk = rows('at-risk');
  const onTrack = f.health.filter((x) => x.health === 'on-track').map((x) => link(x.partner));
  return {
    header: header(meta, 'Weekly engagement review'),
    counts: { offTrack: String(offTrack.length), atRisk: String(atRisk.length), onTrack: String(onTrack.length) },
    offTrack,
    atRisk,
    onTrack: onTrack.join(', '),
    overdue: f.receivables.open
      .filter((o) => o.daysPastDue >= 60)
      .map((o) => ({
        partner: partnerLink(o.partner),
        invoice: md(o.invoice.number),
        due: o.due,
        days: String(o.daysPastDue),
        outstanding: `${money(o.outstanding)} ${o.invoice.currency}`,
      })),
    lapsed: f.lapsed.map((l) => ({
      partner: link(l.partner),
      since: l.since,
      days: String(l.days),
      nextExtension: when(l.nextExtension, f.asOf),
      decisionBy: when(l.decisionBy, f.asOf),
    })),
    offboarding: f.offboarding.map((o) => ({
      contract: code(o.contract),
      partner: link(o.partner),
      end: when(o.end, f.asOf),
      renewalTalks: when(o.renewalTalks, f.asOf),
      offboardingRequest: when(o.offboardingRequest, f.asOf),
      finalReminder: when(o.finalReminder, f.asOf),
    })),
    anomalies: f.cloudCostAnomalies.map((a) => ({
      hub: code(a.hub),
      partner: link(a.partner),
      amount: money(a.amount),
      baseline: money(a.baseline),
      rise: rise(a),
    })),
    month: f.ctx.month,
    historyNote: f.history.available
      ? ''
      : 'The data is not in a git repository, so no partner is flagged as not updated.',
  };
}

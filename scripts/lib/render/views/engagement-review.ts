/** engagement-review.md: the weekly review, read aloud top to bottom — off-track, at-risk, then the lists. */
import { engagementHealth, HEALTHS, type Health } from '../../figures/health.js';
import { factsAt } from '../../figures/as-of.js';
import { figureContext } from '../../figures/context.js';
import type { Figures } from '../../figures/index.js';
import { addDays, daysBetween } from '../../time/calendar.js';
import { md } from '../markdown.js';
import { money } from '../numbers.js';
import { HEALTH_WORDS, healthIndex, reasonPhrases, rise } from './health.js';
import { mrrAtStake, ownerOf } from './at-stake.js';
import { nextStep } from './next-steps.js';
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
      .map((x) => {
        const p = f.ctx.partnerById.get(x.partner)!;
        const phrases = reasonPhrases(index, x.partner);
        return {
          partner: link(x.partner),
          stage: stage(x.partner),
          // One line per reason, each with its next step: "why → step by date".
          reasons: x.reasons
            .map((r, i) => {
              const n = nextStep(f, index, x.partner, r);
              return `${phrases[i]} → next: ${n.step} by ${when(n.due, f.asOf).replace(/\*\*/g, '')}`;
            })
            .join('<br>'),
          owner: ownerOf(p),
          mrr: mrrAtStake(f, p),
        };
      });
  const offTrack = rows('off-track');
  const atRisk = rows('at-risk');
  const onTrack = f.health.filter((x) => x.health === 'on-track').map((x) => link(x.partner));
  return {
    header: header(meta, 'Weekly engagement review'),
    counts: { offTrack: String(offTrack.length), atRisk: String(atRisk.length), onTrack: String(onTrack.length) },
    offTrack,
    atRisk,
    onTrack: onTrack.join(', '),
    ...turned(f),
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

/**
 * Partners whose health is worse than a week before (D − 7): "turned off track" from at risk or on track, or
 * "turned at risk" from on track (or from not being followed yet, e.g. a new onboarding). The week-ago health
 * is that of the data as it stood at D − 7; a partner's last update then is its last one at or before D − 7 in
 * the change history of D (a partner changed during the week counts as last changed before it).
 */
function turned(f: Figures) {
  const weekAgo = addDays(f.asOf, -7);
  const activity = f.history.available
    ? new Map([...f.history.activity].filter(([, a]) => a.lastUpdated <= weekAgo))
    : undefined;
  const before = new Map(
    engagementHealth(figureContext(factsAt(f.ctx.repo, weekAgo), weekAgo), activity).map((h) => [h.partner, h.health]),
  );
  const rank = (h: Health | undefined) => (h === undefined ? HEALTHS.length : HEALTHS.indexOf(h));
  const index = healthIndex(f);
  return {
    weekAgo,
    turned: f.health
      .filter((x) => x.health !== 'on-track' && rank(x.health) < rank(before.get(x.partner)))
      .sort((a, b) => rank(a.health) - rank(b.health) || (a.partner < b.partner ? -1 : 1))
      .map((x) => {
        const was = before.get(x.partner);
        return {
          partner: partnerLink(f.ctx.partnerById.get(x.partner)!),
          now: HEALTH_WORDS[x.health],
          was: was ? HEALTH_WORDS[was] : 'not followed',
          why: reasonPhrases(index, x.partner).join('; '),
        };
      }),
  };
}

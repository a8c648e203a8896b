/** engagement-review.md: the weekly review, read aloud top to bottom — off-track, at-risk, then the lists. */
import type { Health } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import { md, tableRows } from '../markdown.js';
import { money } from '../numbers.js';
import { HEALTH_WORDS, healthIndex, reasonPhrases, rise } from './health.js';
import { mrrAtStake, ownerOf } from './at-stake.js';
import { reasonsWithSteps, when } from './next-steps.js';
import { healthWeekAgo, rank, turnedWorse } from './turned.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { withEquivalent } from './currency.js';

export function engagementReviewView(f: Figures, meta: ReportMeta) {
  const index = healthIndex(f);
  const link = (id: string) => partnerLink(f.ctx.partnerById.get(id)!);
  const stage = (id: string) => f.ctx.partnerById.get(id)!.profile!.value.stage;
  const rows = (h: Health) =>
    f.health
      .filter((x) => x.health === h)
      .map((x) => {
        const p = f.ctx.partnerById.get(x.partner)!;
        return [
          link(x.partner),
          stage(x.partner),
          // One line per reason, each with its next step: "why → step by date".
          reasonsWithSteps(f, index, x.partner).join('<br>'),
          ownerOf(p),
          mrrAtStake(f, p),
        ];
      });
  const offTrack = rows('off-track');
  const atRisk = rows('at-risk');
  const onTrack = f.health.filter((x) => x.health === 'on-track').map((x) => link(x.partner));
  return {
    header: header(meta, 'Weekly engagement review'),
    counts: { offTrack: String(offTrack.length), atRisk: String(atRisk.length), onTrack: String(onTrack.length) },
    // The long tables' rows as one text each (tableRows): hundreds of partners and invoices.
    offTrack: tableRows(offTrack),
    atRisk: tableRows(atRisk),
    onTrack: onTrack.join(', '),
    ...turned(f),
    overdue: tableRows(
      f.receivables.open
        .filter((o) => o.daysPastDue >= 60)
        .map((o) => [
          partnerLink(o.partner),
          md(o.invoice.number),
          o.due,
          String(o.daysPastDue),
          withEquivalent(f, o.outstanding, o.invoice.currency),
        ]),
    ),
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

/** The partners whose health got worse since D − 7 (see healthWeekAgo), worst first. */
function turned(f: Figures) {
  const { weekAgo, before } = healthWeekAgo(f);
  const index = healthIndex(f);
  return {
    weekAgo,
    turned: tableRows(
      turnedWorse(f)
        .sort((a, b) => rank(a.health) - rank(b.health) || (a.partner < b.partner ? -1 : 1))
        .map((x) => {
          const was = before.get(x.partner);
          return [
            partnerLink(f.ctx.partnerById.get(x.partner)!),
            HEALTH_WORDS[x.health],
            was ? HEALTH_WORDS[was] : 'not followed',
            reasonPhrases(index, x.partner).join('; '),
          ];
        }),
    ),
  };
}

/** onboarding.md: checklist progress of partners in onboarding, and time between milestones. */
import type { Figures } from '../../figures/index.js';
import { percent } from '../numbers.js';
import { md } from '../markdown.js';
import { needsReview, stillToAdd } from '../../model/needs-review.js';
import { daysBetween } from '../../time/calendar.js';
import { partnerLink } from './links.js';
import { MILESTONE_WORDS } from './terms.js';
import { header, type ReportMeta } from './meta.js';

const days = (n: number | undefined) => (n === undefined ? '—' : String(n));

export function onboardingView(f: Figures, meta: ReportMeta) {
  const checklist = f.ctx.repo.config.onboarding_checklist;
  return {
    header: header(meta, 'Onboarding'),
    checklist: checklist.map((c) => ({ id: c.id, title: md(c.title) })),
    partners: f.onboarding.map((o) => ({
      partner: partnerLink(o.partner),
      progress: percent(o.progress),
      days: days(o.daysInStage),
      items: checklist.map((c) => (o.done.includes(c.id) ? '✅' : '⬜')).join(' '),
      missing:
        checklist
          .filter((c) => !o.done.includes(c.id))
          .map((c) => md(c.title))
          .join(', ') || '—',
    })),
    // Partners the infrastructure import created, until a person reviews them (needs_review: true).
    toReview: f.ctx.repo.partners.filter(needsReview).map((p) => ({
      partner: partnerLink(p),
      hubs: String((p.profile?.value.hubs ?? []).length),
      missing:
        stillToAdd(f.ctx.repo, p)
          .map((m) => md(m))
          .join(', ') || 'nothing: remove `needs_review` once checked',
    })),
    spans: f.milestoneSpans.map((s) => ({
      from: MILESTONE_WORDS[s.from],
      to: MILESTONE_WORDS[s.to],
      median: days(s.median),
      p90: days(s.p90),
      n: String(s.n),
    })),
    firstValue: {
      median: days(f.timeToFirstValue.median),
      p90: days(f.timeToFirstValue.p90),
      n: String(f.timeToFirstValue.n),
      minUsers: String(f.ctx.repo.config.value_min_users),
      // R8: a first value with no first_value milestone comes from the monthly usage; the page says which.
      derived: f.timeToFirstValue.partners
        .filter((r) => r.firstValue.derived)
        .map((r) => ({
          partner: partnerLink(f.ctx.partnerById.get(r.partner)!),
          date: r.firstValue.date,
          days: String(r.days),
        })),
      awaiting: f.awaitingFirstValue.map((id) => {
        const partner = f.ctx.partnerById.get(id)!;
        const live = partner.profile!.value.milestones!.hub_live!;
        return { partner: partnerLink(partner), hubLive: live, days: String(daysBetween(live, f.asOf)) };
      }),
    },
  };
}

/** Onboarding progress and the time partners take from one milestone to the next. */
import { Decimal } from '../money/decimal.js';
import { MILESTONES, type MilestoneName, type Stage } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, daysBetween, lastDay } from '../time/calendar.js';
import { usageByMonth } from './community.js';
import { hubsOf, memoized, type FigureContext } from './context.js';
import { median, percentile } from './stats.js';

/** The milestone whose date opens each stage (paused has none). */
export const STAGE_OPENED_BY: Partial<Record<Stage, MilestoneName>> = {
  lead: 'first_contact',
  qualified: 'qualified',
  proposal: 'proposal_sent',
  negotiation: 'proposal_sent',
  onboarding: 'contract_signed',
  active: 'onboarding_complete',
  churned: 'churned',
};

export interface OnboardingPartner {
  partner: PartnerFolder;
  /** Checklist items done by the as-of date / checklist items; undefined for an empty checklist. */
  progress: Decimal | undefined;
  done: string[];
  /** undefined when the milestone opening the stage is not recorded. */
  daysInStage: number | undefined;
  /** In onboarding longer than the limit (see stuckInOnboarding). */
  stuck: boolean;
}

export interface MilestoneSpan {
  from: MilestoneName;
  to: MilestoneName;
  median: number | undefined;
  p90: number | undefined;
  n: number;
}

export function daysInStage(partner: PartnerFolder, asOf: string): number | undefined {
  const profile = partner.profile?.value;
  const opener = profile && STAGE_OPENED_BY[profile.stage];
  const date = opener && profile.milestones?.[opener];
  return date !== undefined && date <= asOf ? daysBetween(date, asOf) : undefined;
}

/** Part 1's days-in-stage limit: more days than this in onboarding is "stuck". */
export const STUCK_ONBOARDING_DAYS = 30;

/**
 * Stuck in onboarding at D: in stage onboarding for more than 30 days (31 or
 * more; exactly 30 is not yet). The one definition behind the dashboard's
 * action and the health signal `stuck-onboarding`, so the two always agree.
 */
export function stuckInOnboarding(partner: PartnerFolder, asOf: string): boolean {
  if (partner.profile?.value.stage !== 'onboarding') return false;
  const days = daysInStage(partner, asOf);
  return days !== undefined && days > STUCK_ONBOARDING_DAYS;
}

export function onboardingPartners(ctx: FigureContext): OnboardingPartner[] {
  const checklist = ctx.repo.config.onboarding_checklist.map((c) => c.id);
  return ctx.repo.partners
    .filter((p) => p.profile?.value.stage === 'onboarding')
    .map((partner) => {
      const ticked = partner.profile!.value.onboarding ?? {};
      const done = checklist.filter((id) => ticked[id] !== undefined && ticked[id] <= ctx.asOf);
      return {
        partner,
        progress: checklist.length ? new Decimal(done.length).dividedBy(checklist.length) : undefined,
        done,
        daysInStage: daysInStage(partner, ctx.asOf),
        stuck: stuckInOnboarding(partner, ctx.asOf),
      };
    });
}

/**
 * The milestones the consecutive-pair spans walk: first_value is left out, so the
 * hub_live → onboarding_complete span keeps every partner (first_value is newer
 * and often not recorded); time to first value is its own span.
 */
const SPAN_CHAIN = MILESTONES.filter((m) => m !== 'first_value');

/** Days from one milestone to another over the partners with both dates (the later one by the as-of date). */
export function milestoneSpan(ctx: FigureContext, from: MilestoneName, to: MilestoneName): MilestoneSpan {
  return spanOf(ctx.repo.partners, ctx.asOf, from, to);
}

function spanOf(
  partners: readonly PartnerFolder[],
  asOf: string,
  from: MilestoneName,
  to: MilestoneName,
): MilestoneSpan {
  const days: number[] = [];
  for (const p of partners) {
    const ms = p.profile?.value.milestones ?? {};
    const a = ms[from];
    const b = ms[to];
    if (a !== undefined && b !== undefined && b <= asOf) days.push(daysBetween(a, b));
  }
  return { from, to, median: median(days), p90: percentile(days, 90), n: days.length };
}

/** For each consecutive pair of milestones: days between them over partners with both dates (by the as-of date). */
export function milestoneSpans(ctx: FigureContext): MilestoneSpan[] {
  return milestoneSpansOf(ctx.repo.partners, ctx.asOf);
}

/** The same over some of the partners (a cohort). */
export function milestoneSpansOf(partners: readonly PartnerFolder[], asOf: string): MilestoneSpan[] {
  return SPAN_CHAIN.slice(1).map((to, i) => spanOf(partners, asOf, SPAN_CHAIN[i], to));
}

/** A partner's first value: the recorded milestone, or the day derived from its usage (R8). */
export interface FirstValue {
  date: string;
  /** True when no first_value milestone is recorded and the date comes from the monthly usage. */
  derived: boolean;
}

/**
 * The first value known at D. A recorded first_value milestone on or before D
 * wins; without one, the last day of the first month whose active users,
 * summed over the partner's hubs, reached `value_min_users` — only months
 * ended by D count, so the derived date is never after D (usage is recorded
 * per month, so its last day is the first day the month's figure is a fact).
 */
export function firstValueOf(partner: PartnerFolder, asOf: string, minUsers: number): FirstValue | undefined {
  const recorded = partner.profile?.value.milestones?.first_value;
  if (recorded !== undefined && recorded <= asOf) return { date: recorded, derived: false };
  const usage = usageByMonth(partner);
  const reached = [...usage.keys()].sort().find((month) => lastDay(month) <= asOf && usage.get(month)! >= minUsers);
  return reached === undefined ? undefined : { date: lastDay(reached), derived: true };
}

/** Every partner's first value at D, by partner id (two figures and the onboarding page read it). */
export function firstValues(ctx: FigureContext): Map<string, FirstValue> {
  // The memo is shared by every as-of date of the same records: the key names D.
  return memoized(ctx, `first values ${ctx.asOf}`, () => {
    const out = new Map<string, FirstValue>();
    for (const p of ctx.repo.partners) {
      const fv = firstValueOf(p, ctx.asOf, ctx.repo.config.value_min_users);
      if (fv) out.set(p.id, fv);
    }
    return out;
  });
}

export interface FirstValueRow {
  partner: string;
  firstValue: FirstValue;
  /** Days from contract_signed to the first value. */
  days: number;
}

export interface FirstValueSpan extends MilestoneSpan {
  /** How many of the n first values are derived from usage (no first_value milestone recorded). */
  derived: number;
  /** The n partners counted, by id. */
  partners: FirstValueRow[];
}

/** Time to first value: days from contract_signed to the first value (recorded or derived), by D. */
export function timeToFirstValue(ctx: FigureContext): FirstValueSpan {
  const known = firstValues(ctx);
  const partners: FirstValueRow[] = [];
  for (const p of ctx.repo.partners) {
    const signed = p.profile?.value.milestones?.contract_signed;
    const firstValue = known.get(p.id);
    if (signed !== undefined && firstValue !== undefined)
      partners.push({ partner: p.id, firstValue, days: daysBetween(signed, firstValue.date) });
  }
  partners.sort((a, b) => (a.partner < b.partner ? -1 : 1));
  const days = partners.map((r) => r.days);
  return {
    from: 'contract_signed',
    to: 'first_value',
    median: median(days),
    p90: percentile(days, 90),
    n: days.length,
    derived: partners.filter((r) => r.firstValue.derived).length,
    partners,
  };
}

/** A hub live this many days before D with no first value yet is listed. */
export const AWAITING_VALUE_DAYS = 30;

/** Every hub of the partner shut down on or before D (a partner with no hubs listed is not). */
function allHubsDecommissioned(p: PartnerFolder, asOf: string): boolean {
  const hubs = hubsOf(p);
  return hubs.length > 0 && hubs.every((h) => h.decommissioned !== undefined && h.decommissioned <= asOf);
}

/**
 * Partners whose hub went live more than 30 days before D and who have no
 * first value by D, recorded or derived from usage, by id. Churned and lost
 * partners are not waited for, nor partners whose hubs are all shut down.
 */
export function awaitingFirstValue(ctx: FigureContext): string[] {
  const cutoff = addDays(ctx.asOf, -AWAITING_VALUE_DAYS);
  const known = firstValues(ctx);
  return ctx.repo.partners
    .filter((p) => {
      const stage = p.profile?.value.stage;
      if (stage === undefined || stage === 'churned' || stage === 'lost') return false;
      const live = p.profile!.value.milestones?.hub_live;
      return live !== undefined && live < cutoff && !known.has(p.id) && !allHubsDecommissioned(p, ctx.asOf);
    })
    .map((p) => p.id)
    .sort();
}

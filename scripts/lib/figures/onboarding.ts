/** Onboarding progress and the time partners take from one milestone to the next. */
import { Decimal } from '../money/decimal.js';
import { MILESTONES, type MilestoneName, type Stage } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, daysBetween } from '../time/calendar.js';
import type { FigureContext } from './context.js';
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

/** Time to first value: days from contract_signed to first_value. */
export function timeToFirstValue(ctx: FigureContext): MilestoneSpan {
  return milestoneSpan(ctx, 'contract_signed', 'first_value');
}

/** A hub live this many days before D with no first value yet is listed. */
export const AWAITING_VALUE_DAYS = 30;

/**
 * Partners whose hub went live more than 30 days before D and who have no
 * first_value by D, by id (churned and lost partners are not waited for).
 */
export function awaitingFirstValue(ctx: FigureContext): string[] {
  const cutoff = addDays(ctx.asOf, -AWAITING_VALUE_DAYS);
  return ctx.repo.partners
    .filter((p) => {
      const stage = p.profile?.value.stage;
      if (stage === undefined || stage === 'churned' || stage === 'lost') return false;
      const ms = p.profile!.value.milestones ?? {};
      return (
        ms.hub_live !== undefined && ms.hub_live < cutoff && (ms.first_value === undefined || ms.first_value > ctx.asOf)
      );
    })
    .map((p) => p.id)
    .sort();
}

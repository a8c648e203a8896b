/** Onboarding progress and the time partners take from one milestone to the next. */
import { Decimal } from '../money/decimal.js';
import { MILESTONES, type MilestoneName, type Stage } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { daysBetween } from '../time/calendar.js';
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

/** For each consecutive pair of milestones: days between them over partners with both dates (by the as-of date). */
export function milestoneSpans(ctx: FigureContext): MilestoneSpan[] {
  return milestoneSpansOf(ctx.repo.partners, ctx.asOf);
}

/** The same over some of the partners (a cohort). */
export function milestoneSpansOf(partners: readonly PartnerFolder[], asOf: string): MilestoneSpan[] {
  return MILESTONES.slice(1).map((to, i) => {
    const from = MILESTONES[i];
    const days: number[] = [];
    for (const p of partners) {
      const ms = p.profile?.value.milestones ?? {};
      const a = ms[from];
      const b = ms[to];
      if (a !== undefined && b !== undefined && b <= asOf) days.push(daysBetween(a, b));
    }
    return { from, to, median: median(days), p90: percentile(days, 90), n: days.length };
  });
}

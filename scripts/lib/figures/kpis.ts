/**
 * The business-development KPIs of SPEC-2 C that count partners and
 * contracts: the lead qualification ratio, the renewal rate, lead sources,
 * the funnel and the cohorts by quarter of first contact. The forecast MRR
 * is in fmrr.ts.
 */
import { Decimal } from '../money/decimal.js';
import { LEAD_SOURCES, type MilestoneName, type Partner } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { inWindow, windowEnding, type Window } from '../time/window.js';
import type { FigureContext } from './context.js';
import { milestoneSpansOf, type MilestoneSpan } from './onboarding.js';
import { median } from './stats.js';
import { pushTo } from '../collections.js';

/** What a partner with no `source` is counted under. */
export const NO_SOURCE = '(none)';
export type LeadSource = NonNullable<Partner['source']> | typeof NO_SOURCE;

/** A renewal may start this many days after the ended contract's effective end and still count. */
export const RENEWAL_GRACE_DAYS = 31;

const milestones = (p: PartnerFolder) => p.profile?.value.milestones ?? {};

const ratioOf = (part: number, whole: number) => (whole === 0 ? undefined : new Decimal(part).dividedBy(whole));

export interface Lqr {
  window: Window;
  /** Partners first contacted in the window. */
  leads: string[];
  /** Those of them with `qualified` on or before D. */
  qualified: string[];
  /** qualified / leads; undefined when no lead came in. */
  ratio: Decimal | undefined;
}

/** Lead qualification ratio over the 12 months ending D. */
export function lqr(ctx: FigureContext): Lqr {
  const window = windowEnding(ctx.asOf, 12);
  const leads = ctx.repo.partners.filter((p) => inWindow(window, milestones(p).first_contact));
  // The records are as they stood at D: a `qualified` dated later is already gone.
  const qualified = leads.filter((p) => (milestones(p).qualified ?? '9999') <= ctx.asOf);
  return {
    window,
    leads: leads.map((p) => p.id),
    qualified: qualified.map((p) => p.id),
    ratio: ratioOf(qualified.length, leads.length),
  };
}

export interface RenewalOutcome {
  contract: string;
  partner: string;
  /** The effective end (termination, else end). */
  end: string;
  /** The contract that renewed it, or undefined. */
  renewedBy: string | undefined;
}

export interface RenewalRate {
  window: Window;
  outcomes: RenewalOutcome[];
  /** Renewed / ended; undefined when none ended. */
  rate: Decimal | undefined;
  /** 1 − rate. */
  churn: Decimal | undefined;
}

/**
 * Of the signed contracts whose effective end is in the 6 months ending D
 * (partners `lost` left out), the share renewed: the same partner has
 * another signed contract starting after the ended one's start and no later
 * than its effective end + 31 days.
 */
export function renewalRate(ctx: FigureContext): RenewalRate {
  const window = windowEnding(ctx.asOf, 6);
  const outcomes: RenewalOutcome[] = [];
  for (const v of ctx.contracts) {
    if (v.contract.status === 'draft' || v.partner.profile?.value.stage === 'lost') continue;
    if (!inWindow(window, v.effective.to)) continue;
    const limit = addDays(v.effective.to, RENEWAL_GRACE_DAYS);
    const renewal = (ctx.contractsOf.get(v.partner) ?? [])
      .filter(
        (o) =>
          o !== v && o.contract.status !== 'draft' && o.contract.start > v.contract.start && o.contract.start <= limit,
      )
      .sort((a, b) => (a.contract.start < b.contract.start ? -1 : a.contract.start > b.contract.start ? 1 : 0))[0];
    outcomes.push({
      contract: v.contract.id,
      partner: v.partner.id,
      end: v.effective.to,
      renewedBy: renewal?.contract.id,
    });
  }
  outcomes.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.contract < b.contract ? -1 : 1));
  const rate = ratioOf(outcomes.filter((o) => o.renewedBy !== undefined).length, outcomes.length);
  return { window, outcomes, rate, churn: rate && new Decimal(1).minus(rate) };
}

export function sourceOf(p: PartnerFolder): LeadSource {
  return p.profile?.value.source ?? NO_SOURCE;
}

/** The sources in their listed order, "(none)" last. */
export const SOURCE_ORDER: readonly LeadSource[] = [...LEAD_SOURCES, NO_SOURCE];

export interface LeadSourceRow {
  source: LeadSource;
  /** Every partner known at D came in as a lead. */
  leads: number;
  /** Of them, those with `contract_signed` on or before D. */
  signed: number;
  signedShare: Decimal | undefined;
  /** Median days first_contact → contract_signed over the signed ones with both dates. */
  medianDaysToSign: number | undefined;
  campaigns: string[];
}

/** Per lead source (only sources with leads, in SOURCE_ORDER). */
export function leadSources(ctx: FigureContext): LeadSourceRow[] {
  const partners = ctx.repo.partners.filter((p) => p.profile);
  return SOURCE_ORDER.map((source): LeadSourceRow => {
    const own = partners.filter((p) => sourceOf(p) === source);
    const signed = own.filter((p) => milestones(p).contract_signed !== undefined);
    const days = signed
      .filter((p) => milestones(p).first_contact !== undefined)
      .map((p) => daysBetween(milestones(p).first_contact!, milestones(p).contract_signed!));
    const campaigns = [...new Set(own.map((p) => p.profile!.value.campaign).filter((c) => c !== undefined))].sort();
    return {
      source,
      leads: own.length,
      signed: signed.length,
      signedShare: ratioOf(signed.length, own.length),
      medianDaysToSign: median(days),
      campaigns,
    };
  }).filter((row) => row.leads > 0);
}

/** The funnel's steps: every partner is a lead; then each milestone of the way to a working partnership. */
export const FUNNEL_STEPS = [
  'lead',
  'qualified',
  'proposal_sent',
  'contract_signed',
  'hub_live',
  'onboarding_complete',
] as const satisfies readonly ('lead' | MilestoneName)[];
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelRow {
  step: FunnelStep;
  /**
   * Partners that reached the step, by source: its milestone or a later
   * step's is recorded (on or before D) — a partner that signed without a
   * recorded proposal was still sent one — so the bars never grow.
   */
  bySource: Map<LeadSource, number>;
  total: number;
}

export function funnel(ctx: FigureContext): FunnelRow[] {
  const partners = ctx.repo.partners.filter((p) => p.profile);
  return FUNNEL_STEPS.map((step, i) => {
    const bySource = new Map<LeadSource, number>();
    let total = 0;
    const thisOrLater = FUNNEL_STEPS.slice(i);
    for (const p of partners) {
      const ms = milestones(p);
      if (!thisOrLater.some((s) => s === 'lead' || ms[s] !== undefined)) continue;
      bySource.set(sourceOf(p), (bySource.get(sourceOf(p)) ?? 0) + 1);
      total++;
    }
    return { step, bySource, total };
  });
}

export interface Cohort {
  /** Calendar quarter of first_contact, e.g. 2025-Q3. */
  quarter: string;
  leads: number;
  spans: MilestoneSpan[];
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(+date.slice(5, 7) / 3)}`;
}

/** The milestone-pair medians and 90th percentiles per calendar quarter of first contact, oldest first. */
export function cohorts(ctx: FigureContext): Cohort[] {
  const byQuarter = new Map<string, PartnerFolder[]>();
  for (const p of ctx.repo.partners) {
    const first = milestones(p).first_contact;
    if (first === undefined) continue;
    pushTo(byQuarter, quarterOf(first), p);
  }
  return [...byQuarter.keys()].sort().map((quarter) => ({
    quarter,
    leads: byQuarter.get(quarter)!.length,
    spans: milestoneSpansOf(byQuarter.get(quarter)!, ctx.asOf),
  }));
}

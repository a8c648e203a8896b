/**
 * The dated lists of the weekly engagement review (SPEC-2 B): lapsed
 * agreements, the offboarding timeline of contracts ending soon with nothing
 * after them, and cloud cost anomalies per hub.
 */
import { Decimal, sum } from '../money/decimal.js';
import { effectiveEnd, inForceOn, isCounted } from '../model/contract-terms.js';
import { WORKING_STAGES, type Hub } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { addDays, addMonths, daysBetween } from '../time/calendar.js';
import { hubsOf, memoized, type ContractView, type FigureContext } from './context.js';
import { hubCloudCost } from './costs.js';

/** Partners in a working stage get a health (and can be lapsed). */
export function inHealthStage(p: PartnerFolder): boolean {
  const stage = p.profile?.value.stage;
  return stage !== undefined && WORKING_STAGES.has(stage);
}

/** A lapsed agreement is extended two weeks at a time … */
export const EXTENSION_DAYS = 14;
/** … and decided (renew or offboard) six weeks after it lapsed. */
export const DECISION_DAYS = 42;
/** Contracts ending within this many days of D get an offboarding timeline. */
export const OFFBOARDING_WINDOW_DAYS = 90;
/** A hub's cloud cost in M above this multiple of its three previous months' mean is an anomaly. */
export const ANOMALY_FACTOR = new Decimal('1.2');

export interface Lapsed {
  partner: string;
  /** The day after the last contract's effective end. */
  since: string;
  /** D − since (R9): 0 on the day it lapses, 14 at the first extension, 42 on the decision date. */
  days: number;
  /** The first of since + 14, + 28, … that is not before D. */
  nextExtension: string;
  /** since + 42. */
  decisionBy: string;
}

export interface Offboarding {
  contract: string;
  partner: string;
  end: string;
  renewalTalks: string;
  offboardingRequest: string;
  finalReminder: string;
}

export interface CloudCostAnomaly {
  partner: string;
  hub: string;
  month: string;
  /** The hub's cloud cost in M, reporting currency. */
  amount: Decimal;
  /** The mean of its three previous months. */
  baseline: Decimal;
}

/** A hub running on `date`: launched by then (or no launch date) and not yet decommissioned. */
export function hubRunning(hub: Hub, date: string): boolean {
  return (
    (hub.launched === undefined || hub.launched <= date) &&
    (hub.decommissioned === undefined || hub.decommissioned > date)
  );
}

/** Another signed contract of the same partner starting after this one starts (a renewal or follow-on). */
export function hasLaterContract(ctx: FigureContext, view: ContractView): boolean {
  return (ctx.contractsOf.get(view.partner) ?? []).some(
    (o) => o !== view && isCounted(o.contract) && o.contract.start > view.contract.start,
  );
}

/** The partner's lapse at D, if no signed contract is in force but a hub still runs. */
export function lapseOf(ctx: FigureContext, partner: PartnerFolder): Lapsed | undefined {
  const signed = (ctx.contractsOf.get(partner) ?? []).filter((v) => isCounted(v.contract));
  if (signed.some((v) => inForceOn(v.contract, ctx.asOf))) return undefined;
  if (!hubsOf(partner).some((h) => hubRunning(h, ctx.asOf))) return undefined;
  // A partner that never had a signed contract has not lapsed (active-partner-without-contract says so instead).
  const ended = signed.map((v) => v.effective.to).filter((end) => end < ctx.asOf);
  if (!ended.length) return undefined;
  const since = addDays(ended.sort()[ended.length - 1], 1);
  const days = daysBetween(since, ctx.asOf);
  const periods = Math.max(1, Math.ceil(days / EXTENSION_DAYS));
  return {
    partner: partner.id,
    since,
    days,
    nextExtension: addDays(since, periods * EXTENSION_DAYS),
    decisionBy: addDays(since, DECISION_DAYS),
  };
}

/** Lapsed agreements of the partners in onboarding, active or paused, longest lapsed first. */
export function lapsedAgreements(ctx: FigureContext): Lapsed[] {
  return ctx.repo.partners
    .filter(inHealthStage)
    .flatMap((p) => lapseOf(ctx, p) ?? [])
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.partner < b.partner ? -1 : 1));
}

/** Signed contracts whose effective end is D … D + 90 and after which the partner has no signed contract. */
export function offboardingTimeline(ctx: FigureContext): Offboarding[] {
  const horizon = addDays(ctx.asOf, OFFBOARDING_WINDOW_DAYS);
  return ctx.contracts
    .filter((v) => isCounted(v.contract) && v.effective.to >= ctx.asOf && v.effective.to <= horizon)
    .filter((v) => !hasLaterContract(ctx, v))
    .map(({ contract, partner }) => {
      const end = effectiveEnd(contract);
      return {
        contract: contract.id,
        partner: partner.id,
        end,
        renewalTalks: addDays(end, -60),
        offboardingRequest: addDays(end, -14),
        finalReminder: addDays(end, -2),
      };
    })
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.contract < b.contract ? -1 : 1));
}

/**
 * Hubs whose cloud cost in M is above 1.2 × the mean of the three months before (all three recorded), after the
 * vendors' credits (R4): a credit running out is a jump in what the hub costs.
 */
export function cloudCostAnomalies(ctx: FigureContext): CloudCostAnomaly[] {
  // Once per as-of date: the figure itself and each partner's health read it.
  return memoized(ctx, `cloud cost anomalies ${ctx.asOf}`, () => hubAnomalies(ctx));
}

function hubAnomalies(ctx: FigureContext): CloudCostAnomaly[] {
  const out: CloudCostAnomaly[] = [];
  const months = [1, 2, 3].map((k) => addMonths(ctx.month, -k));
  for (const partner of ctx.repo.partners) {
    for (const { id: hub } of hubsOf(partner)) {
      const amount = hubCloudCost(ctx, partner, hub, ctx.month);
      // Without M's bill (most hubs, until M's bills come in) or one of the three before, no anomaly: the months
      // before are read only while each is recorded.
      if (amount === undefined) continue;
      const before: Decimal[] = [];
      for (const month of months) {
        const cost = hubCloudCost(ctx, partner, hub, month);
        if (cost === undefined) break;
        before.push(cost);
      }
      if (before.length < months.length) continue;
      const total = sum(before);
      // amount > 1.2 × total / 3, compared as 3 × amount > 1.2 × total: no rounded third decides it.
      if (amount.times(3).greaterThan(total.times(ANOMALY_FACTOR)))
        out.push({ partner: partner.id, hub, month: ctx.month, amount, baseline: total.dividedBy(3) });
    }
  }
  return out.sort((a, b) => (a.hub < b.hub ? -1 : 1));
}

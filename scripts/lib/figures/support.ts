/**
 * Support requests (SPEC-2 B): how many came in over the 90 days ending D,
 * the share acknowledged within one working day, how long acknowledging and
 * resolving took, what is still open after 7 days, and the support hours used
 * against each contract's budget.
 */
import { Decimal, dec, sum } from '../money/decimal.js';
import { inForceOn } from '../model/contract-terms.js';
import type { Contract, SupportRequest } from '../model/records.js';
import type { Item, PartnerFolder } from '../model/repository.js';
import { addDays, addMonthsToDate, daysBetween } from '../time/calendar.js';
import { acknowledgedInTime, acknowledgementDeadline } from '../time/working-day.js';
import { dayOf } from './as-of.js';
import type { FigureContext } from './context.js';
import { median } from './stats.js';

/** The window of the support figures: the 90 days ending on D (D − 89 … D). */
export const SUPPORT_WINDOW_DAYS = 90;
/** A request open longer than this many days at D is listed. */
export const OPEN_TOO_LONG_DAYS = 7;

const HOUR_MS = 3_600_000;

export interface SupportFigures {
  opened: number;
  /** Requests whose acknowledgement is due by the end of D, or already acknowledged. */
  due: number;
  onTime: number;
  /** Percent with 1 decimal, undefined when none is due. */
  onTimePct: number | undefined;
  medianHoursToAcknowledge: number | undefined;
  medianDaysToResolve: number | undefined;
  /** Open at D and opened more than 7 days before D: "<partner>/<id>", oldest first. */
  openOver7Days: { partner: PartnerFolder; request: SupportRequest; days: number }[];
}

export interface SupportHours {
  contract: string;
  partner: PartnerFolder;
  /** The contract year containing D (or the whole term, for a budget per term). */
  from: string;
  to: string;
  used: Decimal;
  /** Undefined when the contract buys no support hours. */
  budget: Decimal | undefined;
}

/** The support figures over the 90 days ending on D: of one partner, or of all of them. */
export function supportFigures(ctx: FigureContext, partners: readonly PartnerFolder[]): SupportFigures {
  const from = addDays(ctx.asOf, -(SUPPORT_WINDOW_DAYS - 1));
  const endOfD = `${addDays(ctx.asOf, 1)}T00:00:00Z`;
  const recent = partners.flatMap((p) =>
    p.support.map((r) => r.value).filter((r) => dayOf(r.opened) >= from && dayOf(r.opened) <= ctx.asOf),
  );
  const due = recent.filter((r) => r.acknowledged !== undefined || acknowledgementDeadline(r.opened) < endOfD);
  const onTime = due.filter((r) => r.acknowledged !== undefined && acknowledgedInTime(r.opened, r.acknowledged));
  const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / HOUR_MS;
  const acknowledged = recent.flatMap((r) => (r.acknowledged ? [hours(r.opened, r.acknowledged)] : []));
  const resolved = recent.flatMap((r) => (r.resolved ? [hours(r.opened, r.resolved) / 24] : []));
  return {
    opened: recent.length,
    due: due.length,
    onTime: onTime.length,
    onTimePct: due.length ? oneDecimal(dec(onTime.length).times(100).dividedBy(due.length)) : undefined,
    medianHoursToAcknowledge: roundedMedian(acknowledged),
    medianDaysToResolve: roundedMedian(resolved),
    openOver7Days: partners
      .flatMap((partner) => staleOf(ctx, partner, () => true).map((request) => ({ partner, request })))
      .map((x) => ({ ...x, days: daysBetween(dayOf(x.request.opened), ctx.asOf) }))
      .sort((a, b) => (a.request.opened < b.request.opened ? -1 : 1)),
  };
}

/** Requests of the partner open at D that were opened more than 7 days before D. */
function staleOf(ctx: FigureContext, partner: PartnerFolder, keep: (r: SupportRequest) => boolean): SupportRequest[] {
  return partner.support
    .map((r) => r.value)
    .filter((r) => r.resolved === undefined && daysBetween(dayOf(r.opened), ctx.asOf) > OPEN_TOO_LONG_DAYS && keep(r));
}

/** High or urgent requests open for more than 7 days at D (the engagement signal `stale-request`). */
export function staleRequests(ctx: FigureContext, partner: PartnerFolder): SupportRequest[] {
  return staleOf(ctx, partner, (r) => r.priority === 'high' || r.priority === 'urgent');
}

/**
 * Support hours of each contract in force at D that buys support hours or has
 * hours used: the hours of the partner's requests opened in the contract year
 * containing D (years counted from `start`), against the budget for that
 * year — 12 × a monthly budget, a yearly one, or, for a budget per term, the
 * whole term to D against the term's hours.
 */
export function supportHours(ctx: FigureContext): SupportHours[] {
  const out: SupportHours[] = [];
  for (const partner of ctx.repo.partners) {
    for (const { contract } of ctx.contractsOf.get(partner) ?? []) {
      if (!inForceOn(contract, ctx.asOf)) continue;
      const { from, to } = contractYear(contract, ctx.asOf);
      const used = sum(
        partner.support
          .filter((r) => r.value.hours !== undefined && dayOf(r.value.opened) >= from && dayOf(r.value.opened) <= to)
          .map((r: Item<SupportRequest>) => dec(r.value.hours!)),
      );
      const budget = contract.support_hours && yearBudget(contract.support_hours);
      if (budget === undefined && used.isZero()) continue;
      out.push({ contract: contract.id, partner, from, to, used, budget });
    }
  }
  return out.sort((a, b) => (a.contract < b.contract ? -1 : 1));
}

function contractYear(c: Contract, date: string): { from: string; to: string } {
  if (c.support_hours?.per === 'term') return { from: c.start, to: c.end };
  let k = 0;
  while (addMonthsToDate(c.start, 12 * (k + 1)) <= date) k++;
  return { from: addMonthsToDate(c.start, 12 * k), to: addDays(addMonthsToDate(c.start, 12 * (k + 1)), -1) };
}

function yearBudget(h: NonNullable<Contract['support_hours']>): Decimal {
  return h.per === 'month' ? dec(h.amount).times(12) : dec(h.amount);
}

function oneDecimal(d: Decimal): number {
  return d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
}

function roundedMedian(values: number[]): number | undefined {
  const m = median(values);
  return m === undefined ? undefined : oneDecimal(new Decimal(m));
}

/**
 * Whether a month's figures are complete (SPEC-3 R6). Cloud bills and usage
 * arrive after a month ends: until they are recorded, the month's MRC and
 * pass-through revenue, or its usage fees, leave them out, and the month
 * would read as a drop. A month is *incomplete* while something it expects
 * is missing; what it expects comes from the hubs and contracts in force in
 * that month, as known on the as-of date (the records are already taken back
 * to it), so an as-of date inside the month counts the month's facts so far.
 */
import type { PartnerFolder } from '../model/repository.js';
import { addMonths } from '../time/calendar.js';
import { monthPeriod } from '../time/periods.js';
import { hubsOf, knownMonth, memoizedMonth, type ContractView, type FigureContext } from './context.js';
import { contractUsageFees } from './usage-fees.js';

export type MissingInput =
  /** A hub's cloud bill of the month: expected, not in its partner's cloud-costs.yaml. */
  | { kind: 'cloud-bill'; month: string; partner: string; hub: string }
  /** A metered contract's usage of the month: not recorded for these hubs of the contract. */
  | { kind: 'usage'; month: string; partner: string; contract: string; hubs: string[] };

/**
 * What `month` is missing, in a stable order (cloud bills, then usage, each by partner and hub or contract);
 * empty when the month is complete.
 *
 * A hub's cloud bill of M is expected when the hub is live in M (launched by the end of M, not decommissioned
 * before M began) and either a signed contract in force in M covers it with the organisation paying the cloud
 * (`pass-through` or `included`, not `partner-pays`), or its bill of the month before is recorded (the
 * organisation pays it, contract or not). A usage figure of M is expected for every hub of a signed contract in
 * force in M with a metered fee (the fee is pending until each is recorded).
 */
export function incompleteMonth(ctx: FigureContext, month: string): MissingInput[] {
  return memoizedMonth(ctx, 'incomplete', month, () => {
    const bills: MissingInput[] = [];
    for (const partner of ctx.repo.partners) missingBills(ctx, partner, month, bills);
    const usage: MissingInput[] = ctx.contracts
      .filter((v) => usagePending(ctx, v, month))
      .map((v) => {
        const hubs = (v.contract.hubs ?? []).filter(
          (h) => !v.partner.usage.some((u) => u.value.month === month && u.value.hub === h),
        );
        return { kind: 'usage' as const, month, partner: v.partner.id, contract: v.contract.id, hubs };
      });
    return [...inKeyOrder(bills), ...inKeyOrder(usage)];
  });
}

/** By partner, then hub or contract: each key made once, not twice per comparison (the as-of month lists hundreds). */
function inKeyOrder(list: MissingInput[]): MissingInput[] {
  if (list.length < 2) return list;
  const keyed = list.map((m) => ({ key: `${m.partner} ${m.kind === 'cloud-bill' ? m.hub : m.contract}`, m }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.m);
}

/**
 * Whether `month` misses nothing (incompleteMonth is empty), told without listing what it misses: it stops at the
 * first missing bill or usage figure. The trend and lastCompleteMonth ask only this of up to 24 months, most of
 * which miss something early on, and listing each in full was most of the time of the recovery figures at 1,000
 * partners. A month already listed is answered by its list.
 */
export function isCompleteMonth(ctx: FigureContext, month: string): boolean {
  const listed = knownMonth<MissingInput[]>(ctx, 'incomplete', month);
  if (listed) return listed.length === 0;
  return memoizedMonth(
    ctx,
    'complete',
    month,
    () =>
      ctx.repo.partners.every((partner) => !missingBills(ctx, partner, month)) &&
      !ctx.contracts.some((v) => usagePending(ctx, v, month)),
  );
}

/** A signed contract's usage fee of `month` is pending: its usage is not recorded for every hub. */
function usagePending(ctx: FigureContext, v: ContractView, month: string): boolean {
  return v.contract.status !== 'draft' && contractUsageFees(ctx, v, month).some((u) => u.pending);
}

/** How far back lastCompleteMonth looks: a month missing inputs for longer is a data gap the alert names. */
const LOOK_BACK_MONTHS = 24;

/**
 * The latest month up to the as-of month with nothing missing; undefined when each of the 24 months up to it
 * misses something.
 */
export function lastCompleteMonth(ctx: FigureContext): string | undefined {
  for (let i = 0; i < LOOK_BACK_MONTHS; i++) {
    const month = addMonths(ctx.month, -i);
    if (isCompleteMonth(ctx, month)) return month;
  }
  return undefined;
}

/**
 * Whether a partner misses a cloud bill of `month` the organisation expects to pay; with `out`, each such bill is
 * added to it, else the first one answers. A hub whose bill is recorded misses nothing whether expected or not, so
 * that is asked first: nearly every hub of a past month has its bill, and what it is expected by (a contract in
 * force, last month's bill) is then never worked out. Plain loops over dates compared as text: the 24 months
 * lastCompleteMonth looks back over, and the partner pages' 12, ask this of every partner.
 */
function missingBills(ctx: FigureContext, partner: PartnerFolder, month: string, out?: MissingInput[]): boolean {
  const hubs = hubsOf(partner);
  if (hubs.length === 0) return false;
  const { from, to } = monthPeriod(month);
  const bills = billed(partner);
  let previous: string | undefined;
  let missing = false;
  for (const h of hubs) {
    if (h.launched === undefined || h.launched > to || (h.decommissioned ?? '9999-12-31') < from) continue;
    const months = bills.get(h.id);
    if (months?.has(month)) continue;
    if (
      paidInMonth(ctx, partner, h.id, from, to) ||
      (months !== undefined && months.has((previous ??= addMonths(month, -1))))
    ) {
      if (!out) return true;
      missing = true;
      out.push({ kind: 'cloud-bill', month, partner: partner.id, hub: h.id });
    }
  }
  return missing;
}

/** A signed contract in force on a day from `from` to `to` covers the hub, with the organisation paying the cloud. */
function paidInMonth(ctx: FigureContext, partner: PartnerFolder, hub: string, from: string, to: string): boolean {
  for (const { contract, effective } of ctx.contractsOf.get(partner) ?? []) {
    if (contract.status === 'draft' || contract.cloud.billing === 'partner-pays') continue;
    // A day in common (what daysInside > 0 says), as text: the dates are ISO days.
    if (effective.from > effective.to || effective.from > to || effective.to < from) continue;
    if ((contract.hubs ?? []).includes(hub)) return true;
  }
  return false;
}

/**
 * The months of a partner's recorded cloud bills, by hub: the months looked back over ask about each hub of each
 * partner, which scanning every bill made the slowest part of the report. By the list of bills itself (records are
 * never changed once loaded; the records at another date have lists of their own).
 */
function billed(partner: PartnerFolder): ReadonlyMap<string, ReadonlySet<string>> {
  let byHub = BILLED.get(partner.cloudCosts);
  if (!byHub) {
    BILLED.set(partner.cloudCosts, (byHub = new Map<string, Set<string>>()));
    for (const { value: c } of partner.cloudCosts) {
      const months = byHub.get(c.hub);
      if (months) months.add(c.month);
      else byHub.set(c.hub, new Set([c.month]));
    }
  }
  return byHub;
}

const BILLED = new WeakMap<object, Map<string, Set<string>>>();

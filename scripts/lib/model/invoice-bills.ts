/**
 * What an invoice bills (SPEC-3 R1) and what a billing period of fixed fees
 * amounts to (R2). One answer for the billing statement, the list of
 * periods not yet invoiced and the rules that compare invoices: finance acts
 * on these lines, so an invoice the team wrote without `lines` must count
 * for the fees it was sent for, or the statement asks to bill them twice.
 */
import { MINOR_UNITS } from '../money/currency.js';
import { Decimal, dec, sum, toFixed } from '../money/decimal.js';
import {
  addDays,
  addMonthsToDate,
  daysBetween,
  daysInMonth,
  lastDay,
  monthOf,
  monthsApart,
  monthsBetween,
} from '../time/calendar.js';
import { billingPeriods, daysInside, isCovered, monthPeriod, type Period } from '../time/periods.js';
import { effectiveEnd, fixedFees, type FixedFee } from './contract-terms.js';
import type { Contract, Invoice } from './records.js';
import type { PartnerFolder } from './repository.js';
import { pushTo } from '../collections.js';

/** What a statement line (or an invoice) bills: a fee, usage fee, hub or one-time fee over a span of days. */
export interface Billable extends Period {
  kind: 'fee' | 'usage' | 'cloud' | 'one-time' | 'hours';
  /** The fee, one-time fee or hub. */
  ref: string;
}

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/**
 * A fixed fee over one billing period (R2). The whole months of the period
 * (counted from `anchor`, the contract's start, so that periods of a term
 * starting on the 31st stay whole: Jan 31 to Feb 27, Feb 28 to Mar 30) bill
 * exactly the fee's monthly figure each; only a stub that is not a whole
 * month is prorated, by its days in the calendar month it falls in. A period
 * that is not whole months and ends on a month's last day has its stub
 * first (Jan 20 to Mar 31 is Jan 20–31 prorated, then February and March
 * whole), as a person reads "the rest of January, then monthly"; otherwise
 * the stub is its last part (a term cut short). A per-term fee is its amount
 * × the period's days ÷ the term's days.
 */
export function periodFee(fee: FixedFee, period: Period, term: Period, anchor = term.from): Decimal {
  if (fee.per === 'term') {
    const termDays = daysBetween(term.from, term.to) + 1;
    return dec(fee.amount).times(daysInside(period, term)).dividedBy(termDays);
  }
  return monthsFee(fee, fee.per, wholeMonths(period, anchor));
}

/** A monthly, quarterly or yearly fee over whole months and stubs (see periodFee). */
function monthsFee(fee: FixedFee, per: keyof typeof MONTHS, { whole, stubs }: Months): Decimal {
  const monthly = monthlyOf(fee, per);
  return monthly.times(whole).plus(sum(stubs.map((s) => prorated(monthly, s))));
}

/** A fee's monthly figure, divided out once per fee rather than once per billing period. */
function monthlyOf(fee: FixedFee, per: keyof typeof MONTHS): Decimal {
  let monthly = MONTHLY.get(fee);
  if (!monthly) MONTHLY.set(fee, (monthly = dec(fee.amount).dividedBy(MONTHS[per])));
  return monthly;
}

const MONTHLY = new WeakMap<FixedFee, Decimal>();

/** The whole months of a period and the stub left over, if any (see periodFee). */
interface Months {
  whole: number;
  stubs: Period[];
}

function wholeMonths(period: Period, anchor = period.from): Months {
  // Month boundaries are the anchor's day of the month; a period not on them is counted from its own first day.
  // Counted, not listed: a list of the months since the start, for each period, made this quadratic.
  let base = monthsApart(anchor, period.from);
  if (base < 0 || addMonthsToDate(anchor, base) !== period.from) [anchor, base] = [period.from, 0];
  const boundary = (n: number) => addMonthsToDate(anchor, base + n);
  // The whole months are the boundaries after the first on or before the day after the period. Boundaries fall
  // one a month, so the last such is the one in that day's month or the one before: two dates to work out, not
  // one per month of the period.
  const after = addDays(period.to, 1);
  const last = monthsApart(period.from, after);
  const whole = last > 0 && boundary(last) > after ? last - 1 : Math.max(last, 0);
  if (boundary(whole) > period.to) return { whole, stubs: [] };
  if (period.to === lastDay(monthOf(period.to)) && !period.from.endsWith('-01')) {
    const stubEnd = lastDay(monthOf(period.from));
    if (stubEnd >= period.to) return { whole: 0, stubs: [period] };
    const rest = Math.max(0, monthsApart(addDays(stubEnd, 1), period.to) + 1);
    return { whole: rest, stubs: [{ from: period.from, to: stubEnd }] };
  }
  return { whole, stubs: [{ from: boundary(whole), to: period.to }] };
}

/** A monthly figure over days of one or two calendar months, by their share of each month's days. */
function prorated(monthly: Decimal, stub: Period): Decimal {
  return sum(
    monthsBetween(monthOf(stub.from), monthOf(stub.to)).map((m) =>
      monthly.times(daysInside(stub, monthPeriod(m))).dividedBy(daysInMonth(m)),
    ),
  );
}

/** A fixed-fee billing period of a contract, with the amount of each fee rounded to the currency's minor unit. */
export interface FeePeriod extends Period {
  fees: { fee: FixedFee; amount: Decimal }[];
}

/** The billing periods of the contract's fixed fees over its term in force (cut at a termination). */
export function feePeriods(contract: Contract): FeePeriod[] {
  let periods = FEE_PERIODS.get(contract);
  if (!periods) {
    periods = fixedFees(contract).length ? billedPeriods(contract) : [];
    FEE_PERIODS.set(contract, periods);
  }
  return periods;
}

function billedPeriods(contract: Contract): FeePeriod[] {
  const every = contract.billing.every;
  const periods = billingPeriods(contract.start, effectiveEnd(contract), every);
  if (every === 'once') return periods.map((p) => ({ from: p.from, to: p.to, fees: periodFees(contract, p) }));
  // Every period runs from one boundary to the day before the next: a month, a quarter or a year of whole months
  // by construction, but the last when the term's end cuts it short; only that one has its whole months counted.
  const months = MONTHS[every];
  const last = periods.length - 1;
  const cut = last >= 0 && periods[last].to !== addDays(addMonthsToDate(contract.start, (last + 1) * months), -1);
  // The whole periods bill the same amounts, unless a fee is per term (its days in the term): one list of fees
  // serves them all (nothing changes a period's fees), instead of one list per period of every contract.
  const shared = fixedFees(contract).every((f) => f.per !== 'term');
  let whole: FeePeriod['fees'] | undefined;
  return periods.map((p, k) => ({
    from: p.from,
    to: p.to,
    fees:
      k === last && cut
        ? periodFees(contract, p)
        : shared
          ? (whole ??= periodFees(contract, p, months))
          : periodFees(contract, p, months),
  }));
}

/**
 * The fee periods of each contract, by the record itself (records are never
 * changed once loaded): the statement, the not-yet-invoiced list and the
 * amount check each ask for them, per contract and invoice.
 */
const FEE_PERIODS = new WeakMap<Contract, FeePeriod[]>();

/**
 * Each fixed fee of the contract over `period`, rounded to the currency's
 * minor unit (what an invoice shows). `whole`: the period is known to be
 * that many whole months from the contract's start, with no stub.
 */
function periodFees(contract: Contract, period: Period, whole?: number): { fee: FixedFee; amount: Decimal }[] {
  const term = { from: contract.start, to: contract.end };
  const places = MINOR_UNITS[contract.currency];
  let months: Months | undefined;
  return fixedFees(contract).map((fee) => ({
    fee,
    amount:
      fee.per === 'term'
        ? dec(toFixed(periodFee(fee, period, term), places))
        : roundedMonthsFee(
            fee,
            fee.per,
            (months ??= whole === undefined ? wholeMonths(period, term.from) : { whole, stubs: [] }),
            places,
          ),
  }));
}

/**
 * periodFees' amount of a monthly, quarterly or yearly fee. Whole months
 * without a stub come to the same amount in every period of the contract (a
 * month, a quarter…): worked out once per fee and number of months, rather
 * than once per period (decimals are immutable, so one is shared).
 */
function roundedMonthsFee(fee: FixedFee, per: keyof typeof MONTHS, months: Months, places: number): Decimal {
  if (months.stubs.length) return dec(toFixed(monthsFee(fee, per, months), places));
  let byWhole = WHOLE_MONTHS_FEE.get(fee);
  if (!byWhole) WHOLE_MONTHS_FEE.set(fee, (byWhole = new Map<string, Decimal>()));
  const key = `${months.whole} ${places}`;
  let amount = byWhole.get(key);
  if (!amount) byWhole.set(key, (amount = dec(toFixed(monthsFee(fee, per, months), places))));
  return amount;
}

const WHOLE_MONTHS_FEE = new WeakMap<FixedFee, Map<string, Decimal>>();

/** Something contracted that no invoice bills yet: the fees of a billing period, or a one-time fee. */
export interface NotInvoiced extends Period {
  kind: 'fee' | 'one-time';
  /** The fees (or the one one-time fee) not billed, with their amounts. */
  items: { id: string; description: string; amount: Decimal }[];
  amount: Decimal;
}

/**
 * The fixed-fee billing periods with a fee no invoice bills (only those
 * fees), then the one-time fees no invoice bills, each in date order: what
 * is owed and not yet asked for (R11), whether or not it is due yet.
 */
export function notInvoiced(contract: Contract, invoices: readonly Invoice[]): readonly NotInvoiced[] {
  return perInvoices(NOT_INVOICED, contract, invoices, () => findNotInvoiced(contract, invoices));
}

const NOT_INVOICED = new WeakMap<Contract, WeakMap<readonly Invoice[], readonly NotInvoiced[]>>();

/**
 * What notInvoiced lists that is due by `date`: a billing period that has
 * started (billed in advance) or ended (in arrears), a one-time fee dated
 * on or before it. The list not yet invoiced at D asks only this: the
 * periods after D (a third of them at 1,000 synthetic partners) are not
 * looked at.
 */
export function notInvoicedBy(contract: Contract, invoices: readonly Invoice[], date: string): NotInvoiced[] {
  return findNotInvoiced(contract, invoices, date);
}

function findNotInvoiced(contract: Contract, invoices: readonly Invoice[], dueBy?: string): NotInvoiced[] {
  const what = invoiceBills(contract, invoices);
  const billed = billedIndex(what.listed);
  const advance = contract.billing.in === 'advance';
  const out: NotInvoiced[] = [];
  for (const p of feePeriods(contract)) {
    if (dueBy !== undefined && (advance ? p.from : p.to) > dueBy) continue;
    // A fee period a lineless invoice bills has every fee billed; its fees are not looked up one by one (most
    // invoices are such).
    if (isBilledPeriod(what, p)) continue;
    const open = billed
      ? p.fees.filter(({ fee }) => !billed({ kind: 'fee', ref: fee.id, from: p.from, to: p.to }))
      : p.fees;
    if (open.length === 0) continue;
    const items = open.map(({ fee, amount }) => ({ id: fee.id, description: fee.description, amount }));
    out.push({ kind: 'fee', from: p.from, to: p.to, items, amount: sum(items.map((i) => i.amount)) });
  }
  for (const o of contract.one_time ?? []) {
    if (dueBy !== undefined && o.date > dueBy) continue;
    if (billed?.({ kind: 'one-time', ref: o.id, from: o.date, to: o.date })) continue;
    const amount = dec(toFixed(dec(o.amount), MINOR_UNITS[contract.currency]));
    out.push({
      kind: 'one-time',
      from: o.date,
      to: o.date,
      items: [{ id: o.id, description: o.description, amount }],
      amount,
    });
  }
  return out;
}

/**
 * Whether any invoice bills an item (what billedBy answers, without the
 * numbers). The billables of each kind and ref are sorted by first day, with
 * the latest last day among them so far: an item is billed when, of the
 * billables starting on or before it, one ends on or after it. A binary
 * search per item, where billedBy scans every invoice: the list of periods
 * not invoiced asks this for every fee of every billing period. Undefined
 * when there are none to look up (every invoice is lineless, mostly).
 */
function billedIndex(billables: ReadonlyMap<Invoice, Billable[]>): ((item: Billable) => boolean) | undefined {
  if (billables.size === 0) return undefined;
  const byRef = new Map<string, Period[]>();
  for (const items of billables.values()) for (const b of items) pushTo(byRef, `${b.kind} ${b.ref}`, b);
  const index = new Map<string, { spans: Period[]; latestTo: string[] }>();
  for (const [key, spans] of byRef) {
    spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    let latest = '';
    const latestTo = spans.map((s) => (latest = s.to > latest ? s.to : latest));
    index.set(key, { spans, latestTo });
  }
  return (item) => {
    const billed = index.get(`${item.kind} ${item.ref}`);
    if (!billed) return false;
    // The last billable starting on or before the item's first day.
    const n = startingBy(billed.spans, item.from);
    return n > 0 && billed.latestTo[n - 1] >= item.to;
  };
}

/** How many of `sorted` (in order of first day) start on or before `day`, by a binary search. */
function startingBy(sorted: readonly Period[], day: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].from <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bills = (i: Invoice, contract: Contract) => i.contract === contract.id && i.status !== 'void';

/**
 * The fee periods each lineless invoice with a period bills: those inside
 * its period, and those that no one invoice holds but that the periods of
 * the lineless invoices overlapping them cover together (a month invoiced
 * in two halves is billed, by both). `joint` holds the invoices that bill a
 * period only together with others.
 */
function linelessPeriods(contract: Contract, invoices: readonly Invoice[]) {
  const lineless = invoices.filter((i) => bills(i, contract) && !i.lines?.length && i.period);
  const byInvoice = new Map<Invoice, FeePeriod[]>(lineless.map((i) => [i, []]));
  const joint = new Set<Invoice>();
  // The fee periods come in date order, one after the other: the invoices overlapping each are found by a sweep
  // over the invoices by first day (those ended before the period are dropped), not by filtering all of them.
  const byFrom = [...lineless].sort((a, b) =>
    a.period!.from < b.period!.from ? -1 : a.period!.from > b.period!.from ? 1 : 0,
  );
  let next = 0;
  const overlapping: Invoice[] = [];
  for (const p of feePeriods(contract)) {
    while (next < byFrom.length && byFrom[next].period!.from <= p.to) overlapping.push(byFrom[next++]);
    // Kept in place, without a new list per period: there is one period per month of every contract.
    let kept = 0;
    for (const i of overlapping) if (i.period!.to >= p.from) overlapping[kept++] = i;
    overlapping.length = kept;
    let inside = false;
    for (const i of overlapping)
      if (i.period!.from <= p.from && i.period!.to >= p.to) {
        byInvoice.get(i)!.push(p);
        inside = true;
      }
    if (inside) continue;
    if (
      overlapping.length === 0 ||
      !isCovered(
        p,
        overlapping.map((i) => i.period!),
      )
    )
      continue;
    for (const i of overlapping) {
      byInvoice.get(i)!.push(p);
      joint.add(i);
    }
  }
  return { byInvoice, joint };
}

/**
 * What the non-void invoices of a contract bill (R1): `listed`, those with
 * lines (each line's kind and ref over the invoice's period) and those with
 * neither lines nor a period (the one-time fee whose amount it equals, the
 * earliest such fee no earlier invoice of the file already bills), with
 * their billables; `lineless`, those without lines but with a period, which
 * bill the fee periods lying inside their period, or covered by it together
 * with other such invoices (see billsPeriod); `union`, the days those
 * periods cover together, as spans in date order with at least a day
 * between two.
 */
interface InvoiceBills {
  listed: Map<Invoice, Billable[]>;
  lineless: Invoice[];
  union: Period[];
}

function invoiceBills(contract: Contract, invoices: readonly Invoice[]): InvoiceBills {
  return perInvoices(BILLS, contract, invoices, () => findBills(contract, invoices));
}

const BILLS = new WeakMap<Contract, WeakMap<readonly Invoice[], InvoiceBills>>();

function findBills(contract: Contract, invoices: readonly Invoice[]): InvoiceBills {
  const listed = new Map<Invoice, Billable[]>();
  const lineless: Invoice[] = [];
  const oneTimeTaken = new Set<string>();
  for (const inv of invoices) {
    if (!bills(inv, contract)) continue;
    if (inv.lines?.length) {
      const span = inv.period ?? { from: inv.issued, to: inv.issued };
      listed.set(
        inv,
        inv.lines.map((l) => ({ kind: l.kind, ref: l.ref ?? '', ...span })),
      );
    } else if (inv.period) lineless.push(inv);
    else {
      const fee = [...(contract.one_time ?? [])]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .find((o) => !oneTimeTaken.has(o.id) && dec(o.amount).equals(dec(inv.amount)));
      if (fee) oneTimeTaken.add(fee.id);
      listed.set(inv, fee ? [{ kind: 'one-time', ref: fee.id, from: fee.date, to: fee.date }] : []);
    }
  }
  return { listed, lineless, union: unionOf(lineless.map((i) => i.period!)) };
}

/**
 * The days of `periods` together, as spans in date order with at least a day between two (a period ending before
 * it starts has none). Invoices mostly come in date order: they are sorted only when not.
 */
function unionOf(periods: readonly Period[]): Period[] {
  let byFrom = periods;
  for (let k = 1; k < periods.length; k++)
    if (periods[k].from < periods[k - 1].from) {
      byFrom = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      break;
    }
  const out: Period[] = [];
  let last: Period | undefined;
  for (const p of byFrom) {
    if (p.from > p.to) continue;
    // Overlapping, or starting the day after: the two are one span.
    if (last && (p.from <= last.to || p.from === addDays(last.to, 1))) {
      if (p.to > last.to) last.to = p.to;
    } else out.push((last = { from: p.from, to: p.to }));
  }
  return out;
}

/**
 * Whether the lineless invoices bill the fee period `p`: one holds it, or
 * several cover it together (a month invoiced in two halves). Both come to
 * every day of it lying in one span of their union. A period ending before
 * it starts (an error the checks report) has no days: it is billed when an
 * invoice's period overlaps it, as a sweep over the periods had it.
 */
function isBilledPeriod({ lineless, union }: InvoiceBills, p: Period): boolean {
  if (p.from > p.to) return lineless.some((i) => overlaps(i.period!, p));
  // The last span starting on or before the period's first day.
  const n = startingBy(union, p.from);
  return n > 0 && union[n - 1].to >= p.to;
}

const overlaps = (a: Period, b: Period) => a.from <= b.to && a.to >= b.from;
const holds = (a: Period, b: Period) => a.from <= b.from && a.to >= b.to;

/**
 * Whether the lineless invoice `inv` bills the fee period `p`: its period
 * holds it, or no one invoice's does and it is one of the lineless invoices
 * overlapping it that cover it together (then all of them bill it).
 */
function billsPeriod(what: InvoiceBills, inv: Invoice, p: Period): boolean {
  if (!overlaps(inv.period!, p)) return false;
  if (holds(inv.period!, p)) return true;
  if (what.lineless.some((i) => overlaps(i.period!, p) && holds(i.period!, p))) return false;
  return isBilledPeriod(what, p);
}

/**
 * An answer about a contract and a list of invoices, worked out once per
 * pair: the list of periods not invoiced (at D and at last month's date),
 * the billing statement and the invoice-amount check ask the same of each
 * contract. Keyed by the records and the list themselves, which are never
 * changed once loaded (a changed list is a new list).
 */
function perInvoices<T>(
  memo: WeakMap<Contract, WeakMap<readonly Invoice[], T>>,
  contract: Contract,
  invoices: readonly Invoice[],
  compute: () => T,
): T {
  let byList = memo.get(contract);
  if (!byList) memo.set(contract, (byList = new WeakMap()));
  let value = byList.get(invoices);
  if (value === undefined) byList.set(invoices, (value = compute()));
  return value;
}

/**
 * A partner's invoices, one list per partner folder: the answers above are
 * kept per list, so every figure asking about a partner's contracts passes
 * this same one.
 */
export function invoicesOf(partner: PartnerFolder): readonly Invoice[] {
  let list = INVOICES.get(partner.invoices);
  if (!list) INVOICES.set(partner.invoices, (list = partner.invoices.map((i) => i.value)));
  return list;
}

const INVOICES = new WeakMap<object, readonly Invoice[]>();

/**
 * The numbers of the contract's non-void invoices that bill `item` (same
 * kind and ref, over a span covering it), joined, in file order. A lineless
 * invoice bills a fee over a span when one of its fee periods covers it.
 */
export function billedBy(contract: Contract, invoices: readonly Invoice[], item: Billable): string | undefined {
  const what = invoiceBills(contract, invoices);
  const covers = (b: Period) => b.from <= item.from && b.to >= item.to;
  // The fee periods a lineless invoice would have to bill: those covering the item, with its fee.
  const periods =
    item.kind === 'fee' && what.lineless.length
      ? coveringPeriods(feePeriods(contract), item).filter((p) => p.fees.some((f) => f.fee.id === item.ref))
      : [];
  const numbers: string[] = [];
  for (const inv of invoices) {
    const items = what.listed.get(inv);
    const billsIt = items
      ? items.some((b) => b.kind === item.kind && b.ref === item.ref && covers(b))
      : // Not listed, billing the contract, with a period: a lineless invoice.
        periods.length > 0 &&
        inv.period !== undefined &&
        bills(inv, contract) &&
        periods.some((p) => billsPeriod(what, inv, p));
    if (billsIt) numbers.push(inv.number);
  }
  return numbers.length ? numbers.join(' + ') : undefined;
}

/**
 * The fee periods covering `item`. They come in date order, one after the
 * other: only the last starting on or before the item's first day can
 * cover it (the statement asks this for every fee line of its month), but
 * an item ending before it starts is looked for in all of them.
 */
function coveringPeriods(periods: readonly FeePeriod[], item: Period): FeePeriod[] {
  if (item.from > item.to) return periods.filter((p) => p.from <= item.from && p.to >= item.to);
  const n = startingBy(periods, item.from);
  return n > 0 && periods[n - 1].to >= item.to ? [periods[n - 1]] : [];
}

/**
 * What each lineless invoice of the contract with a period bills, summed, to
 * compare with its amount; an invoice that bills a period together with
 * others is left out (which share of the period is its own is not known).
 */
export function linelessFeeTotals(contract: Contract, invoices: readonly Invoice[]): Map<Invoice, Decimal> {
  const { byInvoice, joint } = linelessPeriods(contract, invoices);
  const totals = new Map<Invoice, Decimal>();
  for (const [invoice, periods] of byInvoice)
    if (!joint.has(invoice)) totals.set(invoice, sum(periods.flatMap((p) => p.fees.map((f) => f.amount))));
  return totals;
}

/** What an invoice for `period` of the contract's fixed fees comes to: each fee rounded, then added. */
export function periodAmount(contract: Contract, period: Period): Decimal {
  return sum(periodFees(contract, period).map((f) => f.amount));
}

/** What every figure needs, built once per as-of date: no figure re-reads or re-indexes the data. */
import { FxTable } from '../money/fx.js';
import { Decimal, dec, ONE } from '../money/decimal.js';
import { effectiveEnd } from '../model/contract-terms.js';
import type { Contract, Partner } from '../model/records.js';
import type { PartnerFolder, Repository } from '../model/repository.js';
import { monthOf } from '../time/calendar.js';
import type { Period } from '../time/periods.js';

export interface FigureContext {
  repo: Repository;
  asOf: string;
  /** The month of the as-of date. */
  month: string;
  fx: FxTable;
  /** 1 − fiscal sponsor fee: every revenue figure is multiplied by it (times() skips the shared ONE of no fee). */
  netOfSponsor: Decimal;
  /** Every contract (drafts too) with its partner and terms, in a stable order. */
  contracts: ContractView[];
  /** The same, by partner: figures per partner never scan every contract. */
  contractsOf: Map<PartnerFolder, ContractView[]>;
  /** Every partner by id: a view naming partners by id never scans the list. */
  partnerById: ReadonlyMap<string, PartnerFolder>;
  /**
   * Month-level figures (a partner's revenue in a month, the recurring costs
   * of a month) do not depend on the as-of date: every context of the same
   * records shares one memo, so the trend and the partner pages compute each
   * once. Last month's figures are of other records (computeFigures takes
   * back the facts dated after their date first), so they have a memo of
   * their own.
   */
  memo: Map<string, unknown>;
}

const MEMOS = new WeakMap<Repository, Map<string, unknown>>();

export function memoized<T>(ctx: FigureContext, key: string, compute: () => T): T {
  const known = ctx.memo.get(key) as T | undefined;
  if (known !== undefined || ctx.memo.has(key)) return known as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}

/**
 * A figure of one month, memoised under a fixed name and then by the month,
 * never by a string built for each call: the figures ask for these per
 * partner, hub or contract and month, and building and hashing a fresh key
 * each time was a good part of the trend's time.
 */
export function memoizedMonth<T>(ctx: FigureContext, name: string, month: string, compute: () => T): T {
  const byMonth = monthsOf<T>(ctx, name);
  const known = byMonth.get(month);
  if (known !== undefined || byMonth.has(month)) return known as T;
  const value = compute();
  byMonth.set(month, value);
  return value;
}

/**
 * A partner's (or a contract's) figure of one month (its revenue, its cloud
 * costs), memoised per month by the partner itself rather than by a string
 * naming both: the trend and the partner pages read each of these for every
 * partner and month. A figure already known is found by two look-ups and
 * nothing made (no function to make a missing map per call): most calls are
 * such, tens of thousands a report.
 */
export function memoizedFor<T>(ctx: FigureContext, name: string, month: string, owner: object, compute: () => T): T {
  const byMonth = monthsOf<Map<object, T>>(ctx, name);
  let byOwner = byMonth.get(month);
  if (!byOwner) byMonth.set(month, (byOwner = new Map<object, T>()));
  const known = byOwner.get(owner);
  if (known !== undefined || byOwner.has(owner)) return known as T;
  const value = compute();
  byOwner.set(owner, value);
  return value;
}

/** A month figure memoizedMonth has already worked out, without working it out (undefined: not yet). */
export function knownMonth<T>(ctx: FigureContext, name: string, month: string): T | undefined {
  return (ctx.memo.get(name) as Map<string, T> | undefined)?.get(month);
}

/** The memo's map of a month figure, by month (made on first use). */
function monthsOf<T>(ctx: FigureContext, name: string): Map<string, T> {
  let byMonth = ctx.memo.get(name) as Map<string, T> | undefined;
  if (!byMonth) ctx.memo.set(name, (byMonth = new Map<string, T>()));
  return byMonth;
}

export interface ContractView {
  partner: PartnerFolder;
  contract: Contract;
  term: Period;
  effective: Period;
}

export function figureContext(repo: Repository, asOf: string): FigureContext {
  const contracts: ContractView[] = [];
  const contractsOf = new Map<PartnerFolder, ContractView[]>();
  for (const partner of repo.partners) {
    const own: ContractView[] = [];
    for (const { value: contract } of partner.contracts) {
      own.push({
        partner,
        contract,
        term: { from: contract.start, to: contract.end },
        effective: { from: contract.start, to: effectiveEnd(contract) },
      });
    }
    contractsOf.set(partner, own);
    contracts.push(...own);
  }
  return {
    repo,
    asOf,
    month: monthOf(asOf),
    fx: new FxTable(repo.config),
    netOfSponsor: repo.config.fiscal_sponsor_fee_pct
      ? new Decimal(1).minus(dec(repo.config.fiscal_sponsor_fee_pct).dividedBy(100))
      : ONE,
    contracts,
    contractsOf,
    partnerById: new Map(repo.partners.map((p) => [p.id, p])),
    memo: memoFor(repo),
  };
}

export function partnerName(p: PartnerFolder): string {
  return p.profile?.value.name ?? p.id;
}

export function hubsOf(p: PartnerFolder): NonNullable<Partner['hubs']> {
  return p.profile?.value.hubs ?? [];
}

function memoFor(repo: Repository): Map<string, unknown> {
  let memo = MEMOS.get(repo);
  if (!memo) MEMOS.set(repo, (memo = new Map<string, unknown>()));
  return memo;
}

/** Facts about a contract's term that several rules and figures need. */
import type { Contract, Fee } from './records.js';

/** The last day the contract is in force: `terminated` when it ended early, else `end`. */
export function effectiveEnd(c: Pick<Contract, 'end' | 'terminated'>): string {
  return c.terminated !== undefined && c.terminated < c.end ? c.terminated : c.end;
}

/** True when a signed (non-draft) contract is in force on `date`: from its start to its effective end. */
export function inForceOn(c: Pick<Contract, 'status' | 'start' | 'end' | 'terminated'>, date: string): boolean {
  return c.status !== 'draft' && c.start <= date && effectiveEnd(c) >= date;
}

/** Drafts never count in figures (except the pipeline). */
export function isCounted(c: Pick<Contract, 'status'>): boolean {
  return c.status !== 'draft';
}

/** A fee with a fixed amount per period (not metered). */
export type FixedFee = Fee & Required<Pick<Fee, 'amount' | 'per'>>;

/** The contract's fixed recurring fees: every fee with `amount` and `per` (metered fees have neither). */
export function fixedFees(c: Pick<Contract, 'fees'>): readonly FixedFee[] {
  let fixed = FIXED_FEES.get(c.fees);
  if (!fixed)
    FIXED_FEES.set(
      c.fees,
      (fixed = c.fees.filter(
        (f): f is FixedFee => f.amount !== undefined && f.per !== undefined && f.metered === undefined,
      )),
    );
  return fixed;
}

/**
 * By the contract's list of fees itself (records are never changed once loaded; the records at another date
 * share it): the figures ask for a contract's fixed fees per billing period and per month.
 */
const FIXED_FEES = new WeakMap<readonly Fee[], readonly FixedFee[]>();

/**
 * The contract's metered (usage) fees, kept by its list of fees as fixedFees' are: the usage fees of every
 * contract are asked for each month of the trend, the completeness checks and each contract's total fees.
 */
export function meteredFees(c: Pick<Contract, 'fees'>): readonly Fee[] {
  let metered = METERED_FEES.get(c.fees);
  if (!metered) METERED_FEES.set(c.fees, (metered = c.fees.filter((f) => f.metered !== undefined)));
  return metered;
}

const METERED_FEES = new WeakMap<readonly Fee[], readonly Fee[]>();

/** Facts about a contract's term that several rules and figures need. */
import type { Contract } from './records.js';

/** The last day the contract is in force: `terminated` when it ended early, else `end`. */
export function effectiveEnd(c: Pick<Contract, 'end' | 'terminated'>): string {
  return c.terminated !== undefined && c.terminated < c.end ? c.terminated : c.end;
}

/** Drafts never count in figures (except the pipeline). */
export function isCounted(c: Pick<Contract, 'status'>): boolean {
  return c.status !== 'draft';
}

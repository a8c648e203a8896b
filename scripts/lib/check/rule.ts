/**
 * A business rule: one module, one id, one severity, one concern (the shape
 * of ESLint's rules). It reads the whole repository and reports through one
 * channel; the engine turns each report into a located Problem.
 */
import type { Severity } from '../problem.js';
import type { Segment } from '../load/pointer.js';
import type { Repository } from '../model/repository.js';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line for the docs and `--help`. */
  description: string;
}

/** Where a finding is: a record (or file) and the path of the value inside it. */
export interface Place {
  file: string;
  pointer: string;
}

export interface ReportOptions {
  /** Point at the key rather than its value. */
  key?: boolean;
}

export type Report = (at: Place, path: readonly Segment[], message: string, options?: ReportOptions) => void;

export interface RuleContext {
  repo: Repository;
  /** The as-of date for the warnings that depend on "now" (e.g. a draft past its start). */
  asOf: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext, report: Report): void;
}

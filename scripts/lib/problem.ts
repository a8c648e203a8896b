/** The one shape of every error and warning, from the loader, the schemas and the business rules. */
import type { CheckId } from './check/catalog.js';

export type Severity = 'error' | 'warning';

/** A check a problem can name (check/catalog.ts lists them all): its id, severity and one line for the docs. */
export interface CheckInfo {
  id: string;
  severity: Severity;
  /** One line for the docs. */
  description: string;
}

export interface Problem {
  /** Path relative to the data root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The check that found it: one of the closed list in check/catalog.ts. */
  rule: CheckId;
  severity: Severity;
  message: string;
  /** JSON Pointer of the offending value inside the file ('' for the whole file). */
  pointer: string;
  /** For a business rule's finding: which of its messages (`meta.messages`); tests assert it. */
  messageId?: string;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

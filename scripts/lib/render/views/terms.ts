/**
 * Plain words for what the team abbreviates or names by a field (SPEC-3 U): a reader sees "lead qualification
 * ratio" or "contract signed", linked to where docs/figures.md defines it, never LQR, FMRR or `contract_signed`.
 * The metrics JSON keeps its keys (the SPEC defines them); only the words on the pages change.
 */
import type { MilestoneName } from '../../model/records.js';

/** The headings of docs/figures.md the words link to, by GitHub's anchor of each heading. */
export const DEFINITIONS = {
  lqr: 'lead-qualification-ratio',
  renewalRate: 'renewal-rate',
  forecast: 'forecast-monthly-recurring-revenue',
  sources: 'lead-sources-funnel-and-cohorts',
} as const;

export type Definition = keyof typeof DEFINITIONS;

/** "[words](../docs/figures.md#anchor)": `up` is the report's way up to the repository root ('../', '../../'). */
export function defined(words: string, what: Definition, up = '../'): string {
  return `[${words}](${up}docs/figures.md#${DEFINITIONS[what]})`;
}

/** A milestone as a reader says it: "first contact", not `first_contact`. */
export const MILESTONE_WORDS: Record<MilestoneName, string> = {
  first_contact: 'first contact',
  qualified: 'qualified',
  proposal_sent: 'proposal sent',
  contract_signed: 'contract signed',
  hub_live: 'hub live',
  first_value: 'first value',
  onboarding_complete: 'onboarding complete',
  churned: 'churned',
};

/** Record types, all derived from the generated schema types. */
import type {
  CashFile,
  CloudCostsFile,
  ConfigFile,
  Contract,
  DeliverablesFile,
  FeedbackFile,
  Grant,
  InvoicesFile,
  MarketEntry,
  Partner,
  PriceBook,
  RecurringCostsFile,
  SupportFile,
  TrainingFile,
  UsageFile,
} from './records.generated.js';

export type { ConfigFile, Contract, Grant, MarketEntry, Partner, PriceBook };
export type Invoice = InvoicesFile[number];
export type Payment = NonNullable<Invoice['payments']>[number];
export type CloudCost = CloudCostsFile[number];
export type Usage = UsageFile[number];
export type Feedback = FeedbackFile[number];
export type SupportRequest = SupportFile[number];
export type TrainingSession = TrainingFile[number];
export type RecurringCost = RecurringCostsFile[number];
export type Deliverable = DeliverablesFile[number];
export type CashStatement = CashFile[number];
export type Fee = Contract['fees'][number];
export type Hub = NonNullable<Partner['hubs']>[number];
export type Stage = Partner['stage'];
export type MilestoneName = keyof NonNullable<Partner['milestones']>;
export type Currency = Contract['currency'];

/** The settings with every default filled in. */
export type Config = Required<ConfigFile>;

export const CONFIG_DEFAULTS: Omit<Config, 'organization' | 'reporting_currency'> = {
  fiscal_year_start: 1,
  payment_terms_days: 30,
  fiscal_sponsor_fee_pct: 0,
  pipeline_min_probability: 40,
  renewal_window_days: 90,
  stale_after_days: 180,
  value_min_users: 5,
  cost_allocation: 'per-hub',
  lqr_target: 0.15,
  renewal_target: 0.8,
  fmrr_renewal_weight: 0.8,
  fmrr_new_weight: 0.3,
  scenario_seed: 42,
  scenario_runs: 1000,
  scorecard_thresholds: {},
  fx: {},
  onboarding_checklist: [],
};

/** The milestones in lifecycle order: their dates must not go backwards. */
export const MILESTONES: readonly MilestoneName[] = [
  'first_contact',
  'qualified',
  'proposal_sent',
  'contract_signed',
  'hub_live',
  'first_value',
  'onboarding_complete',
  'churned',
];

/** The partner types, as partner.schema.json lists them (a test keeps the two equal). */
export const PARTNER_TYPES: readonly Partner['type'][] = [
  'university',
  'research-collaboration',
  'government',
  'nonprofit',
  'company',
  'cloud-vendor',
  'reseller',
  'publisher',
];

/** The kinds of agreement, as contract.schema.json lists them (a test keeps the two equal). */
export const CONTRACT_KINDS: readonly Contract['kind'][] = [
  'service-agreement',
  'statement-of-work',
  'mou',
  'subaward',
  'reseller',
];

/** The lifecycle stages, as partner.schema.json lists them (a test keeps the two equal). */
export const STAGES: readonly Stage[] = [
  'lead',
  'qualified',
  'proposal',
  'negotiation',
  'onboarding',
  'active',
  'paused',
  'churned',
  'lost',
];

/**
 * The stages in which a partner works with us (SPEC-2 B): it needs a
 * representative, gets an engagement health, and can lapse.
 */
export const WORKING_STAGES: ReadonlySet<Stage> = new Set<Stage>(['onboarding', 'active', 'paused']);

/** Where a lead came from, as partner.schema.json lists them (a test keeps the two equal). */
export const LEAD_SOURCES: readonly NonNullable<Partner['source']>[] = [
  'website',
  'referral',
  'conference',
  'grant',
  'vendor',
  'outbound',
  'other',
];

/**
 * The closed list of checks (the way `hledger check` names each of its
 * checks): every id a problem can carry — the loader's, the schema step's
 * and the business rules' — is one of these, with one severity. `CheckId`
 * is their union, so a problem with an undeclared id does not compile, and
 * docs/checks.md is generated from this list.
 */
import type { CheckInfo } from '../problem.js';
import { FILE_CHECKS, type FileCheckId } from '../load/file-checks.js';
import { RULES } from './rules/index.js';

export type { CheckInfo };

export const SCHEMA_CHECKS = [
  { id: 'required-field', severity: 'error', description: 'A required field is missing.' },
  {
    id: 'unknown-field',
    severity: 'error',
    description: 'A field the record kind does not have (usually a typo; the message suggests the closest).',
  },
  {
    id: 'allowed-values',
    severity: 'error',
    description: 'A value outside its list of allowed values (the message suggests the closest).',
  },
  {
    id: 'value-type',
    severity: 'error',
    description: 'Text where a number is expected, a single value where a list is expected, and so on.',
  },
  {
    id: 'value-format',
    severity: 'error',
    description:
      'A date that is not a real YYYY-MM-DD date, an id that is not a lowercase slug, a malformed link or email.',
  },
  {
    id: 'value-range',
    severity: 'error',
    description: 'A number out of range (a negative amount, a score over 10) or an empty text.',
  },
  { id: 'schema', severity: 'error', description: 'Any other way a value does not fit its schema.' },
] as const satisfies readonly CheckInfo[];

/** What `npm run reconcile` finds comparing the deployed hubs (an infrastructure repository) with the partners'. */
export const RECONCILE_CHECKS = [
  {
    id: 'hub-not-listed',
    severity: 'error',
    description: 'A hub deployed in the infrastructure that no partner lists in its partner.md (`reconcile`).',
  },
  {
    id: 'hub-without-contract',
    severity: 'error',
    description:
      'A deployed hub whose partner has no signed contract in force on the date covering it: cloud cost that ' +
      "nobody recovers (`reconcile`). The organisation's own record's hubs (its staging and demo hubs) need none.",
  },
  {
    id: 'deal-without-contract',
    severity: 'warning',
    description:
      "A cluster's CRM deal (metadata.2i2c.hubspot_deal_id) that no contract carries as crm_deal_id (`reconcile`).",
  },
  {
    id: 'deal-id-mismatch',
    severity: 'warning',
    description:
      "A contract in force for a cluster's partner, covering its hubs, that carries another CRM deal than the " +
      'cluster; reported at both lines (`reconcile`).',
  },
  {
    id: 'hub-not-deployed',
    severity: 'warning',
    description: "A partner's live hub (launched, not decommissioned) that no cluster deploys (`reconcile`).",
  },
] as const satisfies readonly CheckInfo[];

export type { FileCheckId };
export type ReconcileCheckId = (typeof RECONCILE_CHECKS)[number]['id'];
export type SchemaCheckId = (typeof SCHEMA_CHECKS)[number]['id'];
export type RuleId = (typeof RULES)[number]['meta']['id'];
export type CheckId = FileCheckId | SchemaCheckId | RuleId | ReconcileCheckId;

export const ALL_CHECKS: Record<'file' | 'schema' | 'rules' | 'reconcile', readonly CheckInfo[]> = {
  file: FILE_CHECKS,
  schema: SCHEMA_CHECKS,
  rules: RULES.map(({ meta: { id, severity, description } }) => ({ id, severity, description })),
  reconcile: RECONCILE_CHECKS,
};

/** Every check by id: what a problem's id and severity are tested against. */
export const CHECKS: ReadonlyMap<string, CheckInfo> = new Map(
  Object.values(ALL_CHECKS)
    .flat()
    .map((c) => [c.id, c]),
);

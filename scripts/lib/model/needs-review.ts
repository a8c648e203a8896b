/**
 * A partner the infrastructure import created (`needs_review: true`) stands
 * in stage active with only what a cluster file says. What its stage still
 * needs is one list, so the check that names it and the report that lists
 * the partners to review say the same thing.
 */
import { WORKING_STAGES, type Stage } from './records.js';
import type { PartnerFolder, Repository } from './repository.js';

/** Stages that need a contract_signed milestone (stage-requirements). */
export const NEEDS_SIGNED: readonly Stage[] = ['onboarding', 'active', 'paused', 'churned'];

export function needsReview(p: PartnerFolder): boolean {
  return p.profile?.value.needs_review === true;
}

/**
 * The id of the organisation's own record: its name in ops.config.yaml as an
 * id, a remark in brackets left out ("Example Hub Services (fictional)" →
 * example-hub-services). That record lists the organisation's own staging
 * and demo hubs of shared clusters; it has no contract with itself.
 */
export function ownRecordId(organization: string | undefined): string {
  // The same name is asked for every partner by three checks: worked out once.
  if (organization === lastOrganization) return lastId;
  lastOrganization = organization;
  return (lastId = (organization ?? '')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, ''));
}

let lastOrganization: string | undefined;
let lastId = '';

export function isOwnRecord(repo: Repository, p: PartnerFolder): boolean {
  return p.id === ownRecordId(repo.config?.organization);
}

/**
 * Whether the stage checks (stage-requirements, active-partner-without-contract,
 * representative-present) leave the partner alone: an imported partner
 * awaiting review (needs-review says what to add), or the organisation's own
 * record, which never signs a contract with itself.
 */
export function stageChecksWait(repo: Repository, p: PartnerFolder): boolean {
  return needsReview(p) || isOwnRecord(repo, p);
}

/** What the partner's stage still needs that no cluster file gives, in words a reviewer acts on. */
export function stillToAdd(repo: Repository, p: PartnerFolder): string[] {
  const profile = p.profile?.value;
  if (!profile || isOwnRecord(repo, p)) return [];
  const { stage, milestones = {}, contacts = [] } = profile;
  const missing: string[] = [];
  if (NEEDS_SIGNED.includes(stage) && milestones.contract_signed === undefined)
    missing.push('milestones: contract_signed: YYYY-MM-DD');
  if (stage === 'active' && milestones.hub_live === undefined) missing.push('milestones: hub_live: YYYY-MM-DD');
  if (stage === 'active' && !p.contracts.some((c) => c.value.status === 'active'))
    missing.push(`its signed contract under partners/${p.id}/contracts/`);
  if (WORKING_STAGES.has(stage) && !contacts.some((c) => c.labels?.includes('representative')))
    missing.push("a contact labelled 'representative'");
  return missing;
}

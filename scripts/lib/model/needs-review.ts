/**
 * A partner the infrastructure import created (`needs_review: true`) stands
 * in stage active with only what a cluster file says. What its stage still
 * needs is one list, so the check that names it and the report that lists
 * the partners to review say the same thing.
 */
import { WORKING_STAGES, type Stage } from './records.js';
import type { PartnerFolder } from './repository.js';

/** Stages that need a contract_signed milestone (stage-requirements). */
export const NEEDS_SIGNED: readonly Stage[] = ['onboarding', 'active', 'paused', 'churned'];

export function needsReview(p: PartnerFolder): boolean {
  return p.profile?.value.needs_review === true;
}

/** What the partner's stage still needs that no cluster file gives, in words a reviewer acts on. */
export function stillToAdd(p: PartnerFolder): string[] {
  const profile = p.profile?.value;
  if (!profile) return [];
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

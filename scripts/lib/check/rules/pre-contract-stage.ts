import type { Stage } from '../../model/records.js';
import { effectiveEnd } from '../../model/contract-terms.js';
import type { Rule } from '../rule.js';

/** The stages of a partner that has not signed yet. */
export const PRE_CONTRACT_STAGES: readonly Stage[] = ['lead', 'qualified', 'proposal', 'negotiation', 'lost'];

export const rule: Rule = {
  meta: {
    id: 'pre-contract-stage',
    severity: 'error',
    description: 'A partner with a signed contract in force on the date of the check is not in a pre-contract stage (lead, qualified, proposal, negotiation or lost).',
  },
  check({ repo, asOf }, report) {
    for (const p of repo.partners) {
      const stage = p.profile?.value.stage;
      if (!stage || !PRE_CONTRACT_STAGES.includes(stage)) continue;
      const inForce = p.contracts.find(({ value: c }) => c.status !== 'draft' && c.start <= asOf && effectiveEnd(c) >= asOf);
      if (inForce) {
        report(p.profile!, ['stage'], `'${p.id}' is in stage '${stage}', but its contract ${inForce.value.id} is in force (${inForce.value.start} to ${effectiveEnd(inForce.value)}); set the stage it is really in (onboarding, active or paused), or mark the contract terminated`);
      }
    }
  },
};

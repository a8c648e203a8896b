import { effectiveEnd, inForceOn } from '../../model/contract-terms.js';
import type { Stage } from '../../model/records.js';
import { defineRule } from '../rule.js';

/** The stages of a partner that has not signed yet. */
export const PRE_CONTRACT_STAGES: readonly Stage[] = ['lead', 'qualified', 'proposal', 'negotiation', 'lost'];

export const rule = defineRule({
  meta: {
    id: 'pre-contract-stage',
    severity: 'error',
    description:
      'A partner with a signed contract in force on the date of the check is not in a pre-contract stage ' +
      '(lead, qualified, proposal, negotiation or lost).',
    messages: {
      inForce: {
        text: "'{{partner}}' is in stage '{{stage}}', but its contract {{contract}} is in force ({{start}} to {{end}})",
        hint: 'set the stage it is really in (onboarding, active or paused), or mark the contract terminated',
      },
    },
  },
  create({ asOf, report }) {
    return {
      profile(profile, p) {
        const stage = profile.value.stage;
        if (!PRE_CONTRACT_STAGES.includes(stage)) return;
        const inForce = p.contracts.find(({ value: c }) => inForceOn(c, asOf))?.value;
        if (inForce) {
          report({
            at: profile,
            path: ['stage'],
            messageId: 'inForce',
            data: { partner: p.id, stage, contract: inForce.id, start: inForce.start, end: effectiveEnd(inForce) },
          });
        }
      },
    };
  },
});

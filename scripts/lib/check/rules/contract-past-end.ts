import { contractDatePassed } from '../contract-date-passed.js';

export const rule = contractDatePassed({
  id: 'contract-past-end',
  description: 'A contract still marked active after its end date (mark it expired, or record the renewal).',
  status: 'active',
  field: 'end',
  at: 'status',
  messageId: 'stillActive',
  message: {
    text: 'the contract ended {{end}} but is still marked active',
    hint: 'set status: expired, or add the renewal as a new contract',
  },
});

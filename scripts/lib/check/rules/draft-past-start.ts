import { contractDatePassed } from '../contract-date-passed.js';

export const rule = contractDatePassed({
  id: 'draft-past-start',
  description: 'A draft contract whose start date has passed (sign it, move the dates, or drop it).',
  status: 'draft',
  field: 'start',
  at: 'start',
  messageId: 'pastStart',
  message: {
    text: 'this draft was due to start {{start}} and is still unsigned',
    hint: 'record the signature, move the dates, or remove the draft',
  },
});

/**
 * npm run record -- payment|invoice|stage|deliverable [flags]
 * Records what happened in the right file, in the file's own style, checked
 * before it is saved.
 */
import { ROOT_HELP } from './lib/cli.js';
import { runAuthoring } from './lib/edit/command.js';
import { recordDeliverable, recordInvoice, recordPayment, recordStage } from './lib/edit/record-actions.js';

const ACTIONS = { payment: recordPayment, invoice: recordInvoice, stage: recordStage, deliverable: recordDeliverable } as const;

const spec = {
  name: 'record',
  summary: 'Records a payment, a new invoice, a partner moving stage, or a deliverable update.',
  usage: 'payment|invoice|stage|deliverable [--flag value …]',
  options: {
    root: { type: 'string' }, invoice: { type: 'string' }, amount: { type: 'string' }, date: { type: 'string' },
    contract: { type: 'string' }, period: { type: 'string' }, issued: { type: 'string' }, due: { type: 'string' }, number: { type: 'string' }, draft: { type: 'boolean' },
    partner: { type: 'string' }, to: { type: 'string' }, 'hub-live': { type: 'string' },
    grant: { type: 'string' }, id: { type: 'string' }, status: { type: 'string' }, evidence: { type: 'string' },
    force: { type: 'boolean' }, reason: { type: 'string' },
  },
  help: [
    ROOT_HELP,
    'payment      --invoice NUMBER --amount N [--date DATE]',
    'invoice      --contract ID [--period FROM..TO] [--issued DATE] [--due DATE] [--amount N] [--number N] [--draft]',
    'stage        --partner ID --to STAGE [--date DATE] [--hub-live DATE] [--force --reason TEXT: back before the contract]',
    'deliverable  --grant ID --id ID --status STATUS [--date DATE] [--evidence URL]',
  ],
} as const;

runAuthoring(spec, 'record', ACTIONS);

/**
 * npm run record -- payment|invoice|stage|deliverable [flags]
 * Records what happened in the right file, in the file's own style, checked
 * before it is saved.
 */
import { ROOT_OPTION } from './lib/cli.js';
import { runAuthoring } from './lib/edit/command.js';
import { recordDeliverable, recordInvoice, recordPayment, recordStage } from './lib/edit/record-actions.js';

const ACTIONS = {
  payment: recordPayment,
  invoice: recordInvoice,
  stage: recordStage,
  deliverable: recordDeliverable,
} as const;

const text = (value: string, help: string) => ({ type: 'string', value, help }) as const;

const spec = {
  name: 'record',
  summary: 'Records a payment, a new invoice, a partner moving stage, or a deliverable update.',
  usage: 'payment|invoice|stage|deliverable [--flag value …]',
  actions: [
    'payment      --invoice --amount [--date]',
    'invoice      --contract [--period] [--issued] [--due] [--amount] [--number] [--lines] [--draft]',
    'stage        --partner --to [--date] [--hub-live] [--force --reason]',
    'deliverable  --grant --id --status [--date] [--evidence]',
  ],
  options: {
    root: ROOT_OPTION,
    invoice: text('NUMBER', 'the invoice a payment is for'),
    amount: text('AMOUNT', 'a payment: the amount received; an invoice: its total (default: the fees for the period)'),
    date: text('DATE', 'when it happened (default: today)'),
    contract: text('ID', 'the contract an invoice bills'),
    period: text('FROM..TO', 'the service period an invoice bills (default: the next one not invoiced)'),
    issued: text('DATE', 'the issue date (default: today)'),
    due: text('DATE', 'the due date (default: issued + the payment terms)'),
    number: text('NUMBER', 'the invoice number (default: the next INV-YEAR-N)'),
    draft: { type: 'boolean', help: 'record the invoice as a draft, not sent' },
    lines: text('LINES', "an invoice's line items KIND:REF=AMOUNT; … (the amount defaults to their total)"),
    partner: text('ID', 'the partner moving stage'),
    to: text('STAGE', 'the new stage'),
    'hub-live': text('DATE', 'the date the first hub went live (needed to become active)'),
    force: { type: 'boolean', help: 'move a signed partner back before its contract (needs --reason)' },
    reason: text('TEXT', 'why, kept beside the stage'),
    grant: text('ID', 'the grant a deliverable belongs to'),
    id: text('ID', 'the deliverable id'),
    status: text('STATUS', 'planned, in-progress, done, at-risk or dropped'),
    evidence: text('URL', 'for a done deliverable: a link showing it was delivered'),
  },
} as const;

runAuthoring(spec, 'record', ACTIONS);

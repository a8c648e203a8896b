/**
 * npm run record -- payment|invoice|stage|deliverable|support|training|feedback|cash [flags]
 * Records what happened in the right file, in the file's own style, checked
 * before it is saved.
 */
import { ROOT_OPTION } from './lib/cli.js';
import { runAuthoring } from './lib/edit/command.js';
import { recordFeedback, recordSupport, recordTraining } from './lib/edit/community-actions.js';
import { recordCash, recordDeliverable, recordInvoice, recordPayment, recordStage } from './lib/edit/record-actions.js';

const ACTIONS = {
  payment: recordPayment,
  invoice: recordInvoice,
  stage: recordStage,
  deliverable: recordDeliverable,
  support: recordSupport,
  training: recordTraining,
  feedback: recordFeedback,
  cash: recordCash,
} as const;

const text = (value: string, help: string) => ({ type: 'string', value, help }) as const;

const spec = {
  name: 'record',
  summary:
    'Records a payment, a new invoice, a partner moving stage, a deliverable update, a support request, a ' +
    'training session, a survey response or the cash on hand.',
  usage: 'payment|invoice|stage|deliverable|support|training|feedback|cash [--flag value …]',
  actions: [
    'payment      --invoice --amount [--date]',
    'invoice      --contract [--period] [--issued] [--due] [--amount] [--number] [--lines] [--draft]',
    'stage        --partner --to [--date] [--hub-live] [--force --reason]',
    'deliverable  --grant --id --status [--date] [--evidence]',
    'support      --partner [--opened] [--priority] [--requester] [--category] [--acknowledged] [--resolved] ' +
      '[--hours] [--csat]   (add)',
    'support      --partner --id [--acknowledged] [--resolved] [--hours] [--csat] [--priority]   (update one)',
    'training     --partner --title --kind --attendees [--date] [--hub] [--materials]',
    'feedback     --partner --survey --score [--kind nps|csat] [--touchpoint] [--date] [--role] [--comment]',
    'cash         --amount [--date] [--currency] [--note]',
  ],
  options: {
    root: ROOT_OPTION,
    invoice: text('NUMBER', 'the invoice a payment is for'),
    amount: text(
      'AMOUNT',
      'a payment: the amount received; an invoice: its total (default: the fees for the period); cash: the balance',
    ),
    currency: text('CODE', 'cash: the balance’s currency (default: the reporting currency)'),
    note: text('TEXT', 'cash: where the figure comes from'),
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
    id: text('ID', 'the deliverable id, or the support request to update'),
    status: text('STATUS', 'planned, in-progress, done, at-risk or dropped'),
    evidence: text('URL', 'for a done deliverable: a link showing it was delivered'),
    opened: text('TIME', 'support: when the request came in, UTC (default: now), e.g. 2026-11-06T15:00:00Z'),
    acknowledged: text('TIME', 'support: when we first answered, UTC'),
    resolved: text('TIME', 'support: when it was resolved, UTC'),
    priority: text('PRIORITY', 'support: low, normal (default), high or urgent'),
    requester: text('NAME', 'support: the representative who asked (a contact in partner.md)'),
    category: text('TEXT', 'support: what it is about'),
    hours: text('HOURS', 'support: the hours of work it took'),
    csat: text('1-5', "support: the requester's rating of the resolution"),
    title: text('TEXT', 'training: what the session was'),
    kind: text('KIND', 'training: onboarding, workshop, office-hours or webinar; feedback: nps or csat'),
    attendees: text('N', 'training: how many took part'),
    hub: text('ID', 'training: the hub it was about'),
    materials: text('URL', 'training: a link to the slides or recording'),
    survey: text('ID', 'feedback: the survey round, e.g. 2026-q4'),
    score: text('N', 'feedback: 0 to 10 (NPS) or 1 to 5 (CSAT)'),
    touchpoint: text('WHAT', 'feedback (CSAT): quarterly-update, release, co-design, support, check-in or other'),
    role: text('TEXT', "feedback: the respondent's role"),
    comment: text('TEXT', 'feedback: what they wrote'),
  },
} as const;

runAuthoring(spec, 'record', ACTIONS);

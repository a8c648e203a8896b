/**
 * npm run new -- partner|hub|contract|grant|deliverable [flags]
 * Scaffolds a valid record from flags (or questions at the terminal), checks
 * it with everything else, and writes it only if the data stays valid.
 */
import { ROOT_OPTION } from './lib/cli.js';
import { runAuthoring } from './lib/edit/command.js';
import { newContract, newDeliverable, newGrant, newHub, newPartner } from './lib/edit/new-records.js';

const KINDS = {
  partner: newPartner,
  hub: newHub,
  contract: newContract,
  grant: newGrant,
  deliverable: newDeliverable,
} as const;

const text = (value: string, help: string) => ({ type: 'string', value, help }) as const;

const spec = {
  name: 'new',
  summary: 'Adds a new partner, hub, contract, grant or deliverable, written for you and checked before it is saved.',
  usage: 'partner|hub|contract|grant|deliverable [--flag value …]   (see docs/guide.md)',
  actions: [
    'partner      --id --name --type --country --owner [--stage] [--first-contact]',
    'hub          --partner --id --cloud [--url] [--launched] [--contracts]',
    'contract     --partner --start --end --fee … [--signed] [--billing] [--cloud] [--currency] [--id] ' +
      '[--kind] [--status] [--hubs] [--notice-days] [--auto-renew] [--document] [--probability]',
    'grant        --id --title --funder --amount --owner [--currency] [--status] [--submitted] [--awarded] ' +
      '[--start] [--end] [--partners]',
    'deliverable  --grant --id --title --due --owner [--kind] [--status]',
  ],
  options: {
    root: ROOT_OPTION,
    id: text('ID', 'the id of the new record (a lowercase slug, e.g. uni-north)'),
    name: text('TEXT', "the partner's full name"),
    type: text(
      'TYPE',
      'university, research-collaboration, government, nonprofit, company, cloud-vendor, reseller or publisher',
    ),
    country: text('CODE', 'the two-letter country code, e.g. US, CA, AU'),
    owner: text('HANDLE', 'the GitHub handle of who looks after it'),
    stage: text('STAGE', 'where a new partner is (default: lead)'),
    'first-contact': text('DATE', 'the date of the first conversation (default: today)'),
    partner: text('ID', 'the partner id (its folder under partners/)'),
    kind: text(
      'KIND',
      'a contract: service-agreement (default), statement-of-work, mou, subaward or reseller; a deliverable: ' +
        'deliverable or report',
    ),
    status: text('STATUS', "the record's status (a contract: draft unless --signed)"),
    signed: text('DATE', 'the date the contract was signed (leave out for a draft)'),
    start: text('DATE', 'the first day of the term'),
    end: text('DATE', 'the last day of the term'),
    currency: text('CODE', "the currency (a contract's default: that of the partner's country)"),
    fee: {
      type: 'string',
      multiple: true,
      value: 'ID:AMOUNT/PER[:SERVICE]',
      help: 'a fee, once per fee, e.g. hosting:2500/month:hub-service',
    },
    billing: text('EVERY:WHEN', 'invoicing, e.g. month:advance (default), quarter:arrears, once:arrears'),
    cloud: text(
      'WHO',
      'a contract: included (default), partner-pays or pass-through:MARKUP; a hub: aws, gcp, azure or other',
    ),
    hubs: text('IDS', 'the hubs a contract covers, comma-separated'),
    'notice-days': text('N', 'days of notice before the end'),
    'auto-renew': { type: 'boolean', help: 'the contract renews by itself' },
    document: text('URL', 'a link to the signed document'),
    probability: text('N', "a draft's chance of being signed, in per cent"),
    title: text('TEXT', 'the title of a grant or deliverable'),
    funder: text('TEXT', 'who funds the grant'),
    amount: text('AMOUNT', 'the amount requested or awarded'),
    submitted: text('DATE', 'the date the grant was submitted'),
    awarded: text('DATE', 'the date the grant was awarded'),
    partners: text('IDS', 'partner ids a grant involves, comma-separated'),
    grant: text('ID', 'the grant id'),
    due: text('DATE', 'when the deliverable is due'),
    url: text('URL', "the hub's web address"),
    launched: text('DATE', 'the date the hub went live'),
    contracts: text('IDS', 'contract ids that cover the new hub, comma-separated'),
  },
} as const;

runAuthoring(spec, 'add', KINDS, ' Commit it and open a pull request (docs/guide.md).');

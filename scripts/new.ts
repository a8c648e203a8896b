/**
 * npm run new -- partner|hub|contract|grant|deliverable [flags]
 * Scaffolds a valid record from flags (or questions at the terminal), checks
 * it with everything else, and writes it only if the data stays valid.
 */
import { ROOT_HELP } from './lib/cli.js';
import { runAuthoring } from './lib/edit/command.js';
import { newContract, newDeliverable, newGrant, newHub, newPartner } from './lib/edit/new-records.js';

const KINDS = { partner: newPartner, hub: newHub, contract: newContract, grant: newGrant, deliverable: newDeliverable } as const;

const spec = {
  name: 'new',
  summary: 'Adds a new partner, hub, contract, grant or deliverable, written for you and checked before it is saved.',
  usage: 'partner|hub|contract|grant|deliverable [--flag value …]   (see docs/guide.md for every flag)',
  options: {
    root: { type: 'string' },
    id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, country: { type: 'string' }, owner: { type: 'string' },
    stage: { type: 'string' }, 'first-contact': { type: 'string' },
    partner: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, signed: { type: 'string' },
    start: { type: 'string' }, end: { type: 'string' }, currency: { type: 'string' }, fee: { type: 'string', multiple: true },
    billing: { type: 'string' }, cloud: { type: 'string' }, hubs: { type: 'string' }, 'notice-days': { type: 'string' },
    'auto-renew': { type: 'boolean' }, document: { type: 'string' }, probability: { type: 'string' },
    title: { type: 'string' }, funder: { type: 'string' }, amount: { type: 'string' }, submitted: { type: 'string' },
    awarded: { type: 'string' }, partners: { type: 'string' }, grant: { type: 'string' }, due: { type: 'string' },
    url: { type: 'string' }, launched: { type: 'string' }, contracts: { type: 'string' },
  },
  help: [ROOT_HELP, 'partner      --id --name --type --country --owner [--stage lead] [--first-contact DATE]', 'hub          --partner --id --cloud aws|gcp|azure|other [--url URL] [--launched DATE] [--contracts a,b]', 'contract     --partner --start --end --fee ID:AMOUNT/PER[:SERVICE] … [--signed DATE] [--billing month:advance] [--cloud included|partner-pays|pass-through:MARKUP] [--currency] [--id] [--kind] [--hubs a,b] [--notice-days N] [--auto-renew] [--document URL] [--probability N]', 'grant        --id --title --funder --amount --currency --owner [--status prospect] [--submitted --awarded --start --end DATE] [--partners a,b]', 'deliverable  --grant --id --title --due --owner [--kind deliverable|report]'],
} as const;

runAuthoring(spec, 'add', KINDS, ' Commit it and open a pull request (docs/guide.md).');

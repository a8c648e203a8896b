/** What `npm run new` writes for each kind of record. */
import { COUNTRY_CURRENCY, MINOR_UNITS } from '../money/currency.js';
import { dec } from '../money/decimal.js';
import { CONTRACT_KINDS, PARTNER_TYPES, STAGES, type Currency } from '../model/records.js';
import { today } from '../time/calendar.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { checkAmount, completeFields, isAmount, isDate, isSlug, isSlugList, oneOf, slugList } from './fields.js';
import { flow, Money, scalar } from './yaml-editor.js';

/** --fee ID:AMOUNT/PER[:SERVICE], e.g. hosting:2500/month or support:9000/quarter:core-support. */
const FEE_SPEC = new RegExp(
  '^([a-z0-9]+(?:-[a-z0-9]+)*):(\\d+(?:\\.\\d+)?)\\/(month|quarter|year|term)' +
    '(?::(core-support|hub-service|development))?$',
);

type Given = Record<string, unknown>;

/** An amount with its currency's decimals, as the rest of the data writes it. */
export function money(amount: string | number, currency: string): Money {
  const places = MINOR_UNITS[currency as Currency] ?? 2;
  return new Money(dec(amount).toFixed(places));
}

export async function newPartner(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'new partner',
    [
      { flag: 'id', about: "the partner's id, used as its folder name, e.g. uni-north", check: isSlug },
      { flag: 'name', about: "the partner's full name" },
      { flag: 'type', about: `what kind of organisation: ${PARTNER_TYPES.join(', ')}`, check: oneOf(PARTNER_TYPES) },
      {
        flag: 'country',
        about: 'the two-letter country code, e.g. US, CA, GB',
        check: (c) => (/^[A-Z]{2}$/.test(c) ? undefined : 'two capital letters, e.g. US'),
      },
      { flag: 'owner', about: 'the GitHub handle of who looks after the relationship' },
      { flag: 'stage', about: 'where they are', default: 'lead', check: oneOf(STAGES) },
      { flag: 'first-contact', about: 'the date of the first conversation', default: today(), check: isDate },
    ],
    given,
  );
  const front = [
    `id: ${v.id}`,
    `name: ${scalar(v.name)}`,
    `type: ${v.type}`,
    `country: ${v.country}`,
    `account_owner: ${scalar(v.owner!.replace(/^@/, ''))}`,
    `stage: ${v.stage}`,
    'milestones:',
    `  first_contact: ${v['first-contact']}`,
  ];
  changes.create(
    `partners/${v.id}/partner.md`,
    `---\n${front.join('\n')}\n---\n\n# ${v.name}\n\nNotes about the relationship go here.\n`,
  );
  return `Added partner ${v.id} (${v.name}) in stage ${v.stage}.`;
}

export async function newContract(changes: ChangeSet, given: Given): Promise<string> {
  const { repo } = await changes.current();
  const v = await completeFields(
    'new contract',
    [
      { flag: 'partner', about: 'the partner id (its folder under partners/)', check: isSlug },
      {
        flag: 'id',
        about: "the contract's id, used as its file name (default: the partner id and the start year)",
        optional: true,
        check: isSlug,
      },
      { flag: 'start', about: 'the first day of the term', check: isDate },
      { flag: 'end', about: 'the last day of the term', check: isDate },
      { flag: 'signed', about: 'the date it was signed (leave out for a draft)', optional: true, check: isDate },
      {
        flag: 'kind',
        about: 'service-agreement, statement-of-work, mou, subaward or reseller',
        default: 'service-agreement',
        check: oneOf(CONTRACT_KINDS),
      },
      {
        flag: 'currency',
        about: "the contract currency (default: the currency of the partner's country, else the reporting currency)",
        optional: true,
      },
      {
        flag: 'billing',
        about: 'invoicing as EVERY:WHEN, e.g. month:advance, quarter:arrears, once:arrears',
        default: 'month:advance',
        check: (b) =>
          /^(month|quarter|year|once):(advance|arrears)$/.test(b) ? undefined : 'write it like month:advance',
      },
      {
        flag: 'cloud',
        about: 'who pays the cloud bill: included, partner-pays, or pass-through:MARKUP (e.g. pass-through:10)',
        default: 'included',
        check: (c) =>
          /^(included|partner-pays|pass-through(:\d+(\.\d+)?)?)$/.test(c)
            ? undefined
            : 'write included, partner-pays or pass-through:10',
      },
      { flag: 'probability', about: 'for a draft: the chance in % that it is signed', optional: true },
      { flag: 'hubs', about: 'the hubs it covers, comma-separated', optional: true, check: isSlugList },
      { flag: 'notice-days', about: 'days of notice before the end', optional: true },
      { flag: 'document', about: 'a link to the signed document', optional: true },
    ],
    given,
  );
  const country = repo.partners.find((p) => p.id === v.partner)?.profile?.value.country;
  v.currency ??= (country && COUNTRY_CURRENCY[country]) || repo.config.reporting_currency;
  const feeSpecs = (given.fee as string[] | undefined) ?? [];
  if (feeSpecs.length === 0)
    throw new EditRefused(
      'give at least one --fee ID:AMOUNT/PER, e.g. --fee hosting:2500/month (add :SERVICE for core-support, ' +
        'hub-service or development)',
    );
  const fees = feeSpecs.map((f) => {
    const m = FEE_SPEC.exec(f);
    if (!m)
      throw new EditRefused(`--fee '${f}': write it like hosting:2500/month or support:9000/quarter:core-support`);
    checkAmount('fee', m[2], 'fee', v.currency as Currency);
    return {
      id: m[1],
      description: m[1].replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      amount: money(m[2], v.currency!),
      per: m[3],
      service: m[4],
    };
  });
  const id = v.id ?? `${v.partner}-${v.start!.slice(0, 4)}`;
  const status = (given.status as string | undefined) ?? (v.signed ? 'active' : 'draft');
  const [every, when] = v.billing!.split(':');
  const [billing, markup] = v.cloud!.split(':');
  const lines = [
    `id: ${id}`,
    `partner: ${v.partner}`,
    `kind: ${v.kind}`,
    `status: ${status}`,
    v.signed && `signed: ${v.signed}`,
    `start: ${v.start}`,
    `end: ${v.end}`,
    `currency: ${v.currency}`,
    'fees:',
    ...fees.map((f) => `  - ${flow(f)}`),
    `cloud: ${flow({ billing, markup_pct: markup === undefined ? undefined : Number(markup) })}`,
    `billing: ${flow({ every, in: when })}`,
    v.hubs && `hubs: ${flow(slugList(v.hubs))}`,
    given['auto-renew'] ? 'auto_renew: true' : undefined,
    v['notice-days'] && `notice_days: ${Number(v['notice-days'])}`,
    v.document && `document: ${scalar(v.document)}`,
    v.probability && `probability: ${Number(v.probability)}`,
  ].filter(Boolean);
  if (!changes.exists(`partners/${v.partner}/partner.md`))
    throw new EditRefused(`there is no partner '${v.partner}': add it first with npm run new -- partner`);
  changes.create(`partners/${v.partner}/contracts/${id}.yaml`, lines.join('\n') + '\n');
  const currencyNote =
    given.currency === undefined
      ? ` Amounts are in ` +
        `${v.currency}${
          country && COUNTRY_CURRENCY[country] === v.currency ? `, the currency of ` + `${country}` : ''
        } (give --currency to choose another).`
      : '';
  // A signed contract is `active` from signing; its fees count only from its start (docs/guide.md).
  const startNote =
    status === 'active' && v.start! > today()
      ? ` It is signed and starts on ${v.start}: figures count its fees from that day.`
      : '';
  return `Added ${status} contract ${id} for ${v.partner}, ${v.start} to ${v.end}.${currencyNote}${startNote}`;
}

export async function newGrant(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'new grant',
    [
      { flag: 'id', about: "the grant's id, used as its folder name", check: isSlug },
      { flag: 'title', about: "the grant's title" },
      { flag: 'funder', about: 'who funds it' },
      { flag: 'amount', about: 'the amount requested or awarded', check: isAmount('grant') },
      { flag: 'currency', about: 'its currency', default: 'USD' },
      { flag: 'owner', about: 'the GitHub handle of who is responsible' },
      {
        flag: 'status',
        about: 'prospect, drafting, submitted, awarded, declined, active or closed',
        default: 'prospect',
        check: oneOf(['prospect', 'drafting', 'submitted', 'awarded', 'declined', 'active', 'closed']),
      },
      ...['submitted', 'awarded', 'start', 'end'].map((flag) => ({
        flag,
        about: `the ${flag} date`,
        optional: true,
        check: isDate,
      })),
      { flag: 'partners', about: 'partner ids involved, comma-separated', optional: true, check: isSlugList },
    ],
    given,
  );
  checkAmount('amount', v.amount!, 'grant', v.currency as Currency);
  const lines = [
    `id: ${v.id}`,
    `title: ${scalar(v.title)}`,
    `funder: ${scalar(v.funder)}`,
    `status: ${v.status}`,
    `amount: ${money(v.amount!, v.currency!).text}`,
    `currency: ${v.currency}`,
    ...['submitted', 'awarded', 'start', 'end'].filter((k) => v[k]).map((k) => `${k}: ${v[k]}`),
    `owner: ${scalar(v.owner!.replace(/^@/, ''))}`,
    v.partners && `partners: ${flow(slugList(v.partners))}`,
  ].filter(Boolean);
  changes.create(
    `grants/${v.id}/grant.md`,
    `---\n${lines.join('\n')}\n---\n\n# ${v.title}\n\nWhat the grant is for.\n`,
  );
  return `Added grant ${v.id} (${v.status}).`;
}

export async function newDeliverable(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'new deliverable',
    [
      { flag: 'grant', about: 'the grant id', check: isSlug },
      { flag: 'id', about: 'the deliverable id, unique within the grant', check: isSlug },
      { flag: 'title', about: 'what it is' },
      { flag: 'due', about: 'when it is due', check: isDate },
      { flag: 'owner', about: 'the GitHub handle of who is responsible' },
      { flag: 'kind', about: 'deliverable or report', default: 'deliverable', check: oneOf(['deliverable', 'report']) },
      {
        flag: 'status',
        about: 'planned, in-progress, done, at-risk or dropped',
        default: 'planned',
        check: oneOf(['planned', 'in-progress', 'done', 'at-risk', 'dropped']),
      },
    ],
    given,
  );
  if (!changes.exists(`grants/${v.grant}/grant.md`))
    throw new EditRefused(`there is no grant '${v.grant}': add it first with npm run new -- grant`);
  changes.edit(`grants/${v.grant}/deliverables.yaml`, (e) =>
    e.append([], {
      id: v.id,
      kind: v.kind,
      title: v.title,
      due: v.due,
      owner: v.owner!.replace(/^@/, ''),
      status: v.status,
    }),
  );
  return `Added ${v.kind} ${v.grant}/${v.id}, due ${v.due}.`;
}

export async function newHub(changes: ChangeSet, given: Given): Promise<string> {
  const v = await completeFields(
    'new hub',
    [
      { flag: 'partner', about: 'the partner id the hub is run for', check: isSlug },
      { flag: 'id', about: 'the hub id, unique across all partners, e.g. uni-north-staging', check: isSlug },
      {
        flag: 'cloud',
        about: 'where it runs: aws, gcp, azure or other',
        check: oneOf(['aws', 'gcp', 'azure', 'other']),
      },
      { flag: 'url', about: "the hub's web address", optional: true },
      {
        flag: 'launched',
        about: 'the date it went live (leave out while it is being set up)',
        optional: true,
        check: isDate,
      },
      {
        flag: 'contracts',
        about: 'contract ids (comma-separated) that cover the hub',
        optional: true,
        check: isSlugList,
      },
    ],
    given,
  );
  const profile = `partners/${v.partner}/partner.md`;
  if (!changes.exists(profile))
    throw new EditRefused(`there is no partner '${v.partner}': add it first with npm run new -- partner`);
  changes.edit(profile, (e) => e.append(['hubs'], { id: v.id, url: v.url, cloud: v.cloud, launched: v.launched }));
  const contracts = slugList(v.contracts ?? '');
  for (const contract of contracts) {
    const path = `partners/${v.partner}/contracts/${contract}.yaml`;
    if (!changes.exists(path))
      throw new EditRefused(`there is no contract '${contract}' of ${v.partner} (looked for ${path})`);
    changes.edit(path, (e) => e.append(['hubs'], v.id));
  }
  return `Added hub ${v.id} (${v.cloud}) to ${v.partner}${
    contracts.length ? `, covered by ` + `${contracts.join(', ')}` : ''
  }.`;
}

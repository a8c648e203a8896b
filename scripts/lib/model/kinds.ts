/**
 * Every kind of record, declared once (the shape of Astro's content
 * collections: a loader pattern and a schema per collection). Where its files
 * live, its JSON Schema, the TypeScript type generated from that schema,
 * where its records hang in the repository model, and what rules call one
 * of them. File classification, schema lookup, type generation, the model,
 * the rule engine's walk, the record diff and the data dictionary all read
 * this table: a new kind of record is one row here plus its schema.
 */

export interface KindSpec {
  /**
   * Where its files are, relative to the data root: `{partner}` and
   * `{grant}` stand for the owner's folder name, `{id}` for a record's file
   * name.
   */
  path: string;
  /** Its JSON Schema: a file in schemas/ (or, for a kind declared in a test, the schema itself). */
  schema: string | Record<string, unknown>;
  /** The TypeScript type `npm run gen:types` generates from the schema. */
  type: string;
  /** Whose records they are: the organisation's (root), a partner folder's or a grant folder's. */
  owner: 'root' | 'partner' | 'grant';
  /** The field of the owner (Repository, PartnerFolder, GrantFolder) that holds them. */
  field: string;
  /** `one`: the file is one record; `each`: every file is one record; `list`: the file is a list of records. */
  holds: 'one' | 'each' | 'list';
  /** The name a rule gives its handler for one record of this kind: `invoice(item, partner)`. */
  item: string;
  /** How the records of a list file are told apart in a change list ("INV-2026-014"). */
  key?: (record: Record<string, unknown>, index: number) => string;
  /** Where the data dictionary says these records live. */
  where: string;
}

export const KINDS = {
  config: {
    path: 'ops.config.yaml',
    schema: 'config.schema.json',
    type: 'ConfigFile',
    owner: 'root',
    field: 'configItem',
    holds: 'one',
    item: 'config',
    where: 'ops.config.yaml',
  },
  partner: {
    path: 'partners/{partner}/partner.md',
    schema: 'partner.schema.json',
    type: 'Partner',
    owner: 'partner',
    field: 'profile',
    holds: 'one',
    item: 'profile',
    where: 'partners/<partner-id>/partner.md (front matter)',
  },
  contract: {
    path: 'partners/{partner}/contracts/{id}.yaml',
    schema: 'contract.schema.json',
    type: 'Contract',
    owner: 'partner',
    field: 'contracts',
    holds: 'each',
    item: 'contract',
    where: 'partners/<partner-id>/contracts/<contract-id>.yaml',
  },
  invoices: {
    path: 'partners/{partner}/invoices.yaml',
    schema: 'invoices.schema.json',
    type: 'InvoicesFile',
    owner: 'partner',
    field: 'invoices',
    holds: 'list',
    item: 'invoice',
    key: (i) => String(i.number),
    where: 'partners/<partner-id>/invoices.yaml',
  },
  'cloud-costs': {
    path: 'partners/{partner}/cloud-costs.yaml',
    schema: 'cloud-costs.schema.json',
    type: 'CloudCostsFile',
    owner: 'partner',
    field: 'cloudCosts',
    holds: 'list',
    item: 'cloudCost',
    // A hub billed by two billing accounts in a month has an entry from each.
    key: (i) =>
      [i.hub, i.month, i.billing_account]
        .filter((v) => v !== undefined)
        .map(String)
        .join(' '),
    where: 'partners/<partner-id>/cloud-costs.yaml',
  },
  usage: {
    path: 'partners/{partner}/usage.yaml',
    schema: 'usage.schema.json',
    type: 'UsageFile',
    owner: 'partner',
    field: 'usage',
    holds: 'list',
    item: 'usage',
    key: (i) => `${String(i.hub)} ${String(i.month)}`,
    where: 'partners/<partner-id>/usage.yaml',
  },
  feedback: {
    path: 'partners/{partner}/feedback.yaml',
    schema: 'feedback.schema.json',
    type: 'FeedbackFile',
    owner: 'partner',
    field: 'feedback',
    holds: 'list',
    item: 'feedback',
    key: (i, n) => `${String(i.survey)} ${String(i.date)} #${n + 1}`,
    where: 'partners/<partner-id>/feedback.yaml',
  },
  support: {
    path: 'partners/{partner}/support.yaml',
    schema: 'support.schema.json',
    type: 'SupportFile',
    owner: 'partner',
    field: 'support',
    holds: 'list',
    item: 'supportRequest',
    key: (i) => String(i.id),
    where: 'partners/<partner-id>/support.yaml',
  },
  training: {
    path: 'partners/{partner}/training.yaml',
    schema: 'training.schema.json',
    type: 'TrainingFile',
    owner: 'partner',
    field: 'training',
    holds: 'list',
    item: 'training',
    key: (i, n) => `${String(i.date)} ${String(i.title)} #${n + 1}`,
    where: 'partners/<partner-id>/training.yaml',
  },
  'recurring-costs': {
    path: 'costs/recurring.yaml',
    schema: 'recurring-costs.schema.json',
    type: 'RecurringCostsFile',
    owner: 'root',
    field: 'recurringCosts',
    holds: 'list',
    item: 'recurringCost',
    key: (i) => String(i.id),
    where: 'costs/recurring.yaml',
  },
  cash: {
    path: 'finance/cash.yaml',
    schema: 'cash.schema.json',
    type: 'CashFile',
    owner: 'root',
    field: 'cashStatements',
    holds: 'list',
    item: 'cashStatement',
    key: (i) => String(i.date),
    where: 'finance/cash.yaml',
  },
  market: {
    path: 'market/{id}.md',
    schema: 'market.schema.json',
    type: 'MarketEntry',
    owner: 'root',
    field: 'market',
    holds: 'each',
    item: 'marketEntry',
    where: 'market/<id>.md (front matter)',
  },
  'unattributed-cloud-costs': {
    path: 'costs/unattributed-cloud.yaml',
    schema: 'unattributed-cloud-costs.schema.json',
    type: 'UnattributedCloudCostsFile',
    owner: 'root',
    field: 'unattributedCloudCosts',
    holds: 'list',
    item: 'unattributedCloudCost',
    key: (i) =>
      [i.month, i.provider, i.billing_account, i.account, i.tag, i.currency]
        .filter((v) => v !== undefined)
        .map(String)
        .join(' '),
    where: 'costs/unattributed-cloud.yaml',
  },
  'price-book': {
    path: 'pricing/{id}.yaml',
    schema: 'price-book.schema.json',
    type: 'PriceBook',
    owner: 'root',
    field: 'priceBooks',
    holds: 'each',
    item: 'priceBook',
    where: 'pricing/<book-id>.yaml',
  },
  grant: {
    path: 'grants/{grant}/grant.md',
    schema: 'grant.schema.json',
    type: 'Grant',
    owner: 'grant',
    field: 'grant',
    holds: 'one',
    item: 'grant',
    where: 'grants/<grant-id>/grant.md (front matter)',
  },
  deliverables: {
    path: 'grants/{grant}/deliverables.yaml',
    schema: 'deliverables.schema.json',
    type: 'DeliverablesFile',
    owner: 'grant',
    field: 'deliverables',
    holds: 'list',
    item: 'deliverable',
    key: (i) => String(i.id),
    where: 'grants/<grant-id>/deliverables.yaml',
  },
} as const satisfies Record<string, KindSpec>;

export type Kinds = Readonly<Record<string, KindSpec>>;
export type FileKind = keyof typeof KINDS;

/**
 * The records of one data tree, grouped the way people think of them (a
 * partner with its contracts, invoices, costs, usage and feedback), each
 * carrying the file and JSON Pointer it came from so that any finding about
 * it can be located.
 */
import type { LoadedFile } from '../load/index.js';
import { KINDS, type Kinds } from './kinds.js';
import { CONFIG_DEFAULTS, type Config, type Contract } from './records.js';
import type { KindFiles } from './records.generated.js';

export interface Item<T> {
  file: string;
  /** Pointer of the record inside its file ('' for a whole-file record). */
  pointer: string;
  value: T;
  /** For a record that is a whole Markdown file of its own (market/<id>.md): the notes after its front matter. */
  notes?: string;
}

type Table = typeof KINDS;
type Owner = Table[keyof Table]['owner'];
/** One record of a kind: the file's data, or an entry of it for list files. */
export type RecordOf<K extends keyof Table> = Table[K]['holds'] extends 'list'
  ? KindFiles[K] extends readonly (infer R)[]
    ? R
    : never
  : KindFiles[K];
/** The fields an owner gets from the kinds table: `profile?: Item<Partner>`, `invoices: Item<Invoice>[]`, … */
type OneFields<O extends Owner> = {
  -readonly [
    K in keyof Table as Table[K]['owner'] extends O
      ? Table[K]['holds'] extends 'one'
        ? Table[K]['field']
        : never
      : never
  ]?: Item<RecordOf<K>>;
};
type ManyFields<O extends Owner> = {
  -readonly [
    K in keyof Table as Table[K]['owner'] extends O
      ? Table[K]['holds'] extends 'one'
        ? never
        : Table[K]['field']
      : never
  ]: Item<RecordOf<K>>[];
};

export type PartnerFolder = {
  /** The folder name. */
  id: string;
  /** The Markdown notes after the front matter of partner.md. */
  notes: string;
} & OneFields<'partner'> &
  ManyFields<'partner'>;

export type GrantFolder = { id: string; notes: string } & OneFields<'grant'> & ManyFields<'grant'>;

export type Repository = {
  config: Config;
  partners: PartnerFolder[];
  grants: GrantFolder[];
  /** Every path in the tree, loadable or not: a reference to a broken file is not a dangling one. */
  paths: ReadonlySet<string>;
  /**
   * Paths that exist but did not load or failed their schema. A rule that
   * concludes something is absent holds back when it could be in one of these.
   */
  brokenPaths: ReadonlySet<string>;
} & OneFields<'root'> &
  ManyFields<'root'>;

/** True when some file under `prefix` could not be read: its records are unknown, not absent. */
export function hasBrokenFiles(repo: Repository, prefix: string): boolean {
  for (const p of repo.brokenPaths) if (p.startsWith(prefix)) return true;
  return false;
}

/** The partner's contract an invoice bills, when the partner has it. */
export function invoicedContract(p: PartnerFolder, invoice: { contract: string }): Contract | undefined {
  return p.contracts.find((c) => c.value.id === invoice.contract)?.value;
}

type Fields = Record<string, unknown>;

/**
 * Builds the model from the files whose data passed their schema, placing
 * each where the kinds table says: on the organisation (ops.config.yaml,
 * costs/recurring.yaml) or on the folder of the partner or grant it is in.
 */
export function buildRepository(
  validFiles: readonly LoadedFile[],
  paths: ReadonlySet<string>,
  kinds: Kinds = KINDS,
): Repository {
  const specs = Object.values(kinds);
  // The fields of each owner that hold a list of records, found once (a folder is made for every partner).
  const listFields = (owner: Owner) => specs.filter((k) => k.owner === owner && k.holds !== 'one').map((k) => k.field);
  const fieldsOf = { root: listFields('root'), partner: listFields('partner'), grant: listFields('grant') };
  const lists = (owner: Owner) => {
    const made: Record<string, unknown[]> = {};
    for (const field of fieldsOf[owner]) made[field] = [];
    return made;
  };
  const repo = {
    config: { ...CONFIG_DEFAULTS, organization: '', reporting_currency: 'USD' },
    partners: [],
    grants: [],
    paths,
    brokenPaths: brokenPaths(paths, validFiles),
    ...lists('root'),
  } as unknown as Repository;
  // The folder each owner's files are in: partners/<id>/, grants/<id>/ (worked out once, not per path).
  const top = (owner: 'partner' | 'grant') => specs.find((k) => k.owner === owner)!.path.split('/')[0];
  const owners = (['partner', 'grant'] as const).map((owner) => [owner, top(owner)] as const);
  const folders = { partner: new Map<string, Fields>(), grant: new Map<string, Fields>() };
  const folder = (owner: 'partner' | 'grant', id: string) => {
    let f = folders[owner].get(id);
    if (!f) folders[owner].set(id, (f = { id, notes: '', ...lists(owner) }));
    return f;
  };
  // Folders exist in the model even when all their files are broken, so that references to them resolve.
  for (const path of paths) {
    // <folder>/<id>/<file>: read off the slashes, without splitting every path into a new array.
    const slash = path.indexOf('/');
    const next = path.indexOf('/', slash + 1);
    if (slash === -1 || next <= slash + 1) continue;
    const first = path.slice(0, slash);
    for (const [owner, folderName] of owners) if (first === folderName) folder(owner, path.slice(slash + 1, next));
  }
  for (const f of validFiles) {
    const spec = kinds[f.placement.kind];
    const target = (spec.owner === 'root' ? repo : folder(spec.owner, f.placement.owner!)) as Fields;
    if (spec.holds === 'list') {
      target[spec.field] = (f.data as unknown[]).map((value, i) => ({ file: f.path, pointer: `/${i}`, value }));
      continue;
    }
    const markdown = f.path.endsWith('.md');
    const item = {
      file: f.path,
      pointer: '',
      value: f.data,
      ...(markdown && spec.holds === 'each' && { notes: f.body }),
    };
    if (spec.holds === 'each') (target[spec.field] as unknown[]).push(item);
    else target[spec.field] = item;
    if (markdown && spec.holds === 'one') target.notes = f.body;
  }
  if (repo.configItem) repo.config = { ...CONFIG_DEFAULTS, ...repo.configItem.value };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  repo.partners = ([...folders.partner.values()] as PartnerFolder[]).sort(byId);
  repo.grants = ([...folders.grant.values()] as GrantFolder[]).sort(byId);
  // Records stored one per file are in file order.
  for (const spec of specs.filter((k) => k.holds === 'each')) {
    const owners: Fields[] = spec.owner === 'root' ? [repo] : [...folders[spec.owner].values()];
    for (const o of owners) (o[spec.field] as Item<unknown>[]).sort((a, b) => (a.file < b.file ? -1 : 1));
  }
  return repo;
}

/** The path of a contract file, whether or not it loaded. */
export function contractPath(partnerId: string, contractId: string): string {
  return `partners/${partnerId}/contracts/${contractId}.yaml`;
}

function brokenPaths(paths: ReadonlySet<string>, validFiles: readonly LoadedFile[]): Set<string> {
  const valid = new Set(validFiles.map((f) => f.path));
  return new Set([...paths].filter((p) => !valid.has(p)));
}

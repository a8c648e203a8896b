/**
 * The records of one data tree, grouped the way people think of them (a
 * partner with its contracts, invoices, costs, usage and feedback), each
 * carrying the file and JSON Pointer it came from so that any finding about
 * it can be located.
 */
import type { LoadedFile } from '../load/index.js';
import {
  CONFIG_DEFAULTS,
  type CloudCost,
  type Config,
  type ConfigFile,
  type Contract,
  type Deliverable,
  type Feedback,
  type Grant,
  type Invoice,
  type Partner,
  type RecurringCost,
  type Usage,
} from './records.js';

export interface Item<T> {
  file: string;
  /** Pointer of the record inside its file ('' for a whole-file record). */
  pointer: string;
  value: T;
}

export interface PartnerFolder {
  /** The folder name. */
  id: string;
  profile?: Item<Partner>;
  /** The Markdown notes after the front matter of partner.md. */
  notes: string;
  contracts: Item<Contract>[];
  invoices: Item<Invoice>[];
  cloudCosts: Item<CloudCost>[];
  usage: Item<Usage>[];
  feedback: Item<Feedback>[];
}

export interface GrantFolder {
  id: string;
  grant?: Item<Grant>;
  notes: string;
  deliverables: Item<Deliverable>[];
}

export interface Repository {
  config: Config;
  /** undefined when ops.config.yaml is missing or invalid (defaults are used meanwhile). */
  configItem?: Item<ConfigFile>;
  partners: PartnerFolder[];
  grants: GrantFolder[];
  recurringCosts: Item<RecurringCost>[];
  /** Every path in the tree, loadable or not: a reference to a broken file is not a dangling one. */
  paths: ReadonlySet<string>;
  /**
   * Paths that exist but did not load or failed their schema. A rule that
   * concludes something is absent holds back when it could be in one of these.
   */
  brokenPaths: ReadonlySet<string>;
}

/** True when some file under `prefix` could not be read: its records are unknown, not absent. */
export function hasBrokenFiles(repo: Repository, prefix: string): boolean {
  for (const p of repo.brokenPaths) if (p.startsWith(prefix)) return true;
  return false;
}

/** Builds the model from the files whose data passed their schema. */
export function buildRepository(validFiles: readonly LoadedFile[], paths: ReadonlySet<string>): Repository {
  const partners = new Map<string, PartnerFolder>();
  const grants = new Map<string, GrantFolder>();
  const repo: Repository = {
    config: { ...CONFIG_DEFAULTS, organization: '', reporting_currency: 'USD' },
    partners: [],
    grants: [],
    recurringCosts: [],
    paths,
    brokenPaths: brokenPaths(paths, validFiles),
  };
  const partner = (id: string) => {
    let p = partners.get(id);
    if (!p) partners.set(id, (p = { id, notes: '', contracts: [], invoices: [], cloudCosts: [], usage: [], feedback: [] }));
    return p;
  };
  const grant = (id: string) => {
    let g = grants.get(id);
    if (!g) grants.set(id, (g = { id, notes: '', deliverables: [] }));
    return g;
  };
  // Folders exist in the model even when all their files are broken, so that references to them resolve.
  for (const path of paths) {
    const [top, id] = path.split('/');
    if (id && path.split('/').length > 2 && top === 'partners') partner(id);
    if (id && path.split('/').length > 2 && top === 'grants') grant(id);
  }
  for (const f of validFiles) {
    const { placement: at, path: file } = f;
    const whole = <T>(value: unknown): Item<T> => ({ file, pointer: '', value: value as T });
    const list = <T>(value: unknown): Item<T>[] => (value as T[]).map((v, i) => ({ file, pointer: `/${i}`, value: v }));
    switch (at.kind) {
      case 'config': {
        repo.configItem = whole<ConfigFile>(f.data);
        repo.config = { ...CONFIG_DEFAULTS, ...(f.data as ConfigFile) };
        break;
      }
      case 'partner':
        partner(at.partner!).profile = whole<Partner>(f.data);
        partner(at.partner!).notes = f.body;
        break;
      case 'contract':
        partner(at.partner!).contracts.push(whole<Contract>(f.data));
        break;
      case 'invoices':
        partner(at.partner!).invoices = list<Invoice>(f.data);
        break;
      case 'cloud-costs':
        partner(at.partner!).cloudCosts = list<CloudCost>(f.data);
        break;
      case 'usage':
        partner(at.partner!).usage = list<Usage>(f.data);
        break;
      case 'feedback':
        partner(at.partner!).feedback = list<Feedback>(f.data);
        break;
      case 'grant':
        grant(at.grant!).grant = whole<Grant>(f.data);
        grant(at.grant!).notes = f.body;
        break;
      case 'deliverables':
        grant(at.grant!).deliverables = list<Deliverable>(f.data);
        break;
      case 'recurring-costs':
        repo.recurringCosts = list<RecurringCost>(f.data);
        break;
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  repo.partners = [...partners.values()].sort(byId);
  repo.grants = [...grants.values()].sort(byId);
  for (const p of repo.partners) p.contracts.sort((a, b) => (a.file < b.file ? -1 : 1));
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

/**
 * `npm run reconcile`: the hubs deployed by a hub-infrastructure repository
 * (`config/clusters/<cluster>/cluster.yaml`, each with a `hubs:` list of
 * `name`, `domain`, …) against the partners' hubs. A deployed hub without a
 * partner, or without a signed contract in force covering it, is cloud cost
 * that nobody recovers.
 *
 * A deployed hub is a partner's hub when the hub's `url` has the deployed
 * domain, or else when its id is `<cluster>-<name>`, or else `<name>`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedFile } from '../load/index.js';
import { parseYaml } from '../load/yaml-text.js';
import { inForceOn } from '../model/contract-terms.js';
import { isOwnRecord } from '../model/needs-review.js';
import type { PartnerFolder, Repository } from '../model/repository.js';
import type { Problem } from '../problem.js';
import { CHECKS, type ReconcileCheckId } from './catalog.js';

export class InfrastructureError extends Error {}

export interface DeployedHub {
  cluster: string;
  name: string;
  domain?: string;
  display_name?: string;
  /** Where its entry is: the file as the user named the folder, and its line and column. */
  file: string;
  line: number;
  column: number;
}

/** Where a value is: a file and its line and column. */
export interface Located {
  file: string;
  line: number;
  column: number;
}

/** What a cluster file says beyond its hubs: its provider, who pays its cloud, the CRM deal behind it. */
export interface Cluster {
  /** The folder name under config/clusters/. */
  name: string;
  file: string;
  provider?: string;
  /** `<provider>.billing.paid_by_us`, when the file says. */
  paidByUs?: boolean;
  /** `metadata.2i2c.hubspot_deal_id`, with where it is written. */
  deal?: Located & { id: string };
  hubs: DeployedHub[];
}

/** Every hub of every `config/clusters/*\/cluster.yaml` under `dir`, with the file texts (for showing lines). */
export function readInfrastructure(dir: string): {
  hubs: DeployedHub[];
  clusters: Cluster[];
  texts: Map<string, string>;
} {
  const root = join(dir, 'config/clusters');
  if (!existsSync(root))
    throw new InfrastructureError(`${dir} has no config/clusters/ folder: name the hub-infrastructure repository`);
  const clusters: Cluster[] = [];
  const texts = new Map<string, string>();
  for (const cluster of readdirSync(root).sort()) {
    const file = join(root, cluster, 'cluster.yaml');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    // The loader's located parser: the same YAML rules, faults and positions as the data's own files.
    const { data, positions, faults } = parseYaml(text);
    const fault = faults.find((f) => f.severity !== 'warning');
    if (fault) {
      const { line, column } = positions.at(fault.offset);
      throw new InfrastructureError(`${file}:${line}:${column}: cannot be read as YAML: ${fault.message}`);
    }
    const doc = (data ?? {}) as Record<string, unknown>;
    const at = (pointer: string) => ({ file, ...positions.locate(pointer) });
    const found: Cluster = { name: cluster, file, hubs: [] };
    if (typeof doc.provider === 'string') found.provider = doc.provider;
    const paid = field(field(field(doc, found.provider ?? ''), 'billing'), 'paid_by_us');
    if (typeof paid === 'boolean') found.paidByUs = paid;
    const deal = field(field(field(doc, 'metadata'), '2i2c'), 'hubspot_deal_id');
    if (typeof deal === 'string' || typeof deal === 'number') {
      if (typeof deal === 'number' && !Number.isSafeInteger(deal)) {
        const { line, column } = at('/metadata/2i2c/hubspot_deal_id');
        throw new InfrastructureError(
          `${file}:${line}:${column}: hubspot_deal_id ${deal} is not a whole number that can be read exactly: ` +
            'write it in quotes',
        );
      }
      found.deal = { id: String(deal), ...at('/metadata/2i2c/hubspot_deal_id') };
    }
    const list = doc.hubs;
    if (list !== undefined && list !== null) {
      if (!Array.isArray(list)) throw new InfrastructureError(`${file}: 'hubs' is not a list`);
      list.forEach((item: unknown, i) => {
        const { name, domain, display_name } = (item ?? {}) as Record<string, unknown>;
        const { line, column } = positions.locate(`/hubs/${i}`);
        if (typeof name !== 'string')
          throw new InfrastructureError(`${file}:${line}:${column}: a hub without a 'name'`);
        found.hubs.push({
          cluster,
          name,
          ...(typeof domain === 'string' ? { domain } : {}),
          ...(typeof display_name === 'string' && display_name.trim() ? { display_name: display_name.trim() } : {}),
          file,
          line,
          column,
        });
      });
    }
    clusters.push(found);
  }
  return { hubs: clusters.flatMap((c) => c.hubs), clusters, texts };
}

/** The value of `key` in a block of a cluster file, or undefined when either is not there. */
function field(block: unknown, key: string): unknown {
  return block && typeof block === 'object' && !Array.isArray(block)
    ? (block as Record<string, unknown>)[key]
    : undefined;
}

/** A partner's hub: the partner, the hub id and its place in the partner's hubs. */
export interface OwnedHub {
  partner: PartnerFolder;
  hub: string;
  index: number;
}

/** The id a deployed hub gets when it is first listed: `<cluster>-<name>`, as an id. */
export function deployedHubId(d: { cluster: string; name: string }): string {
  return `${d.cluster}-${d.name}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Which partner's hub a deployed hub is: the hub whose url has its domain,
 * or else the hub of id `<cluster>-<name>` (as written, or as an id), or
 * else of id `<name>`.
 */
export function hubOwners(repo: Repository): (d: DeployedHub) => OwnedHub | undefined {
  const byId = new Map<string, OwnedHub>();
  const byDomain = new Map<string, OwnedHub>();
  for (const partner of repo.partners)
    (partner.profile?.value.hubs ?? []).forEach((h, index) => {
      byId.set(h.id, { partner, hub: h.id, index });
      if (h.url && URL.canParse(h.url)) byDomain.set(new URL(h.url).host, { partner, hub: h.id, index });
    });
  return (d) =>
    (d.domain && byDomain.get(d.domain)) ||
    byId.get(`${d.cluster}-${d.name}`) ||
    byId.get(deployedHubId(d)) ||
    byId.get(d.name);
}

/**
 * The findings of comparing the deployed hubs with the partners' hubs at
 * `asOf`, and, given the clusters, their CRM deals with the contracts'.
 */
export function reconcile(
  deployed: readonly DeployedHub[],
  repo: Repository,
  files: ReadonlyMap<string, LoadedFile>,
  asOf: string,
  clusters: readonly Cluster[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const problem = (id: ReconcileCheckId, at: Located, message: string) =>
    problems.push({ ...at, rule: id, severity: CHECKS.get(id)!.severity, message, pointer: '' });
  const ownerOf = hubOwners(repo);
  const found = new Set<string>();
  for (const d of deployed) {
    const owned = ownerOf(d);
    const what = `hub '${d.name}' of cluster '${d.cluster}'${d.domain ? ` (${d.domain})` : ''}`;
    if (!owned) {
      problem(
        'hub-not-listed',
        d,
        `${what} is deployed but no partner lists it: add it to its partner's hubs (as id ` +
          `'${d.cluster}-${d.name}' or with its url), or take the deployment down`,
      );
      continue;
    }
    found.add(owned.hub);
    // The organisation's own staging and demo hubs are its overhead: no contract is missing.
    if (isOwnRecord(repo, owned.partner)) continue;
    const covered = owned.partner.contracts.some(
      ({ value: c }) => inForceOn(c, asOf) && (c.hubs ?? []).includes(owned.hub),
    );
    if (!covered)
      problem(
        'hub-without-contract',
        d,
        `${what} is ${owned.partner.id}'s hub '${owned.hub}', but no signed contract in force on ${asOf} covers ` +
          `it: its cloud cost is recovered from nobody. Renew or sign the contract (listing the hub), or take ` +
          `the deployment down`,
      );
  }
  for (const partner of repo.partners) {
    const profile = partner.profile;
    (profile?.value.hubs ?? []).forEach((h, i) => {
      const live = h.launched !== undefined && h.launched <= asOf && !(h.decommissioned && h.decommissioned <= asOf);
      if (!live || found.has(h.id)) return;
      const at = files.get(profile!.file)?.positions.locate(`/hubs/${i}`) ?? { line: 1, column: 1 };
      problem(
        'hub-not-deployed',
        { file: profile!.file, ...at },
        `hub '${h.id}' is live since ${h.launched} but no cluster deploys it: set 'decommissioned' if it was ` +
          `shut down, or check its id or url against the infrastructure`,
      );
    });
  }
  problems.push(...dealFindings(clusters, repo, files, asOf, ownerOf));
  return problems;
}

/**
 * A cluster's CRM deal against the contracts: one no contract carries as
 * `crm_deal_id`, and a contract in force of the cluster's partner, covering
 * its hubs (or naming none), that carries another deal while none of that
 * partner's contracts in force carries the cluster's — shown at both lines.
 */
function dealFindings(
  clusters: readonly Cluster[],
  repo: Repository,
  files: ReadonlyMap<string, LoadedFile>,
  asOf: string,
  ownerOf: (d: DeployedHub) => OwnedHub | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (id: ReconcileCheckId, at: Located, message: string) =>
    problems.push({ ...at, rule: id, severity: CHECKS.get(id)!.severity, message, pointer: '' });
  const carried = new Set(repo.partners.flatMap((p) => p.contracts.map((c) => c.value.crm_deal_id)));
  for (const cluster of clusters) {
    const deal = cluster.deal;
    if (!deal) continue;
    const hubsOf = new Map<PartnerFolder, Set<string>>();
    for (const d of cluster.hubs) {
      const owned = ownerOf(d);
      if (!owned || isOwnRecord(repo, owned.partner)) continue;
      hubsOf.set(owned.partner, (hubsOf.get(owned.partner) ?? new Set()).add(owned.hub));
    }
    const partners = [...hubsOf.keys()].map((p) => p.id).sort();
    if (!carried.has(deal.id))
      problem(
        'deal-without-contract',
        deal,
        `cluster '${cluster.name}' runs under CRM deal ${deal.id}, but no contract carries it as crm_deal_id: ` +
          (partners.length
            ? `add crm_deal_id: "${deal.id}" to the contract of ${partners.slice(0, 3).join(', ')}` +
              `${partners.length > 3 ? ` (and ${partners.length - 3} more partners)` : ''} that it is for, `
            : 'add it to the contract of the agreement behind the cluster, ') +
          'or import the CRM deals (npm run import -- crm-deals)',
      );
    for (const [partner, hubs] of hubsOf) {
      const inForce = partner.contracts.filter(({ value: c }) => inForceOn(c, asOf));
      if (inForce.some((c) => c.value.crm_deal_id === deal.id)) continue;
      for (const c of inForce) {
        const other = c.value.crm_deal_id;
        const covers = (c.value.hubs ?? []).length === 0 || (c.value.hubs ?? []).some((h) => hubs.has(h));
        if (other === undefined || other === deal.id || !covers) continue;
        const at = {
          file: c.file,
          ...(files.get(c.file)?.positions.locate(`${c.pointer}/crm_deal_id`) ?? { line: 1, column: 1 }),
        };
        problem(
          'deal-id-mismatch',
          deal,
          `cluster '${cluster.name}' runs under CRM deal ${deal.id}, but ${partner.id}'s contract ${c.value.id} ` +
            `in force carries deal ${other} (${at.file}:${at.line}): correct whichever is wrong`,
        );
        problem(
          'deal-id-mismatch',
          at,
          `contract ${c.value.id} carries CRM deal ${other}, but cluster '${cluster.name}', which runs ` +
            `${partner.id}'s hubs, is under deal ${deal.id} (${deal.file}:${deal.line}): correct whichever is wrong`,
        );
      }
    }
  }
  return problems;
}

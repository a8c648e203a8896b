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
import type { PartnerFolder, Repository } from '../model/repository.js';
import type { Problem } from '../problem.js';
import { CHECKS, type ReconcileCheckId } from './catalog.js';

export class InfrastructureError extends Error {}

export interface DeployedHub {
  cluster: string;
  name: string;
  domain?: string;
  /** Where its entry is: the file as the user named the folder, and its line and column. */
  file: string;
  line: number;
  column: number;
}

/** Every hub of every `config/clusters/*\/cluster.yaml` under `dir`, with the file texts (for showing lines). */
export function readInfrastructure(dir: string): { hubs: DeployedHub[]; texts: Map<string, string> } {
  const clusters = join(dir, 'config/clusters');
  if (!existsSync(clusters))
    throw new InfrastructureError(`${dir} has no config/clusters/ folder: name the hub-infrastructure repository`);
  const hubs: DeployedHub[] = [];
  const texts = new Map<string, string>();
  for (const cluster of readdirSync(clusters).sort()) {
    const file = join(clusters, cluster, 'cluster.yaml');
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
    const list = (data as { hubs?: unknown } | null)?.hubs;
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new InfrastructureError(`${file}: 'hubs' is not a list`);
    list.forEach((item: unknown, i) => {
      const { name, domain } = (item ?? {}) as { name?: unknown; domain?: unknown };
      const { line, column } = positions.locate(`/hubs/${i}`);
      if (typeof name !== 'string') throw new InfrastructureError(`${file}:${line}:${column}: a hub without a 'name'`);
      hubs.push({ cluster, name, ...(typeof domain === 'string' ? { domain } : {}), file, line, column });
    });
  }
  return { hubs, texts };
}

/** The findings of comparing the deployed hubs with the partners' hubs at `asOf`. */
export function reconcile(
  deployed: readonly DeployedHub[],
  repo: Repository,
  files: ReadonlyMap<string, LoadedFile>,
  asOf: string,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (id: ReconcileCheckId, at: { file: string; line: number; column: number }, message: string) =>
    problems.push({ ...at, rule: id, severity: CHECKS.get(id)!.severity, message, pointer: '' });
  type Owned = { partner: PartnerFolder; hub: string; index: number };
  const byId = new Map<string, Owned>();
  const byDomain = new Map<string, Owned>();
  for (const partner of repo.partners)
    (partner.profile?.value.hubs ?? []).forEach((h, index) => {
      byId.set(h.id, { partner, hub: h.id, index });
      if (h.url) byDomain.set(new URL(h.url).host, { partner, hub: h.id, index });
    });
  const found = new Set<string>();
  for (const d of deployed) {
    const owned = (d.domain && byDomain.get(d.domain)) || byId.get(`${d.cluster}-${d.name}`) || byId.get(d.name);
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
  return problems;
}

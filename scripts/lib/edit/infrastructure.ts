/**
 * `npm run import -- infrastructure DIR`: partner records from a
 * hub-infrastructure repository (config/clusters/<name>/cluster.yaml), so
 * that every deployed hub is listed by a partner (SPEC-3 T).
 *
 * - A dedicated cluster serves one community: one partner, with all its hubs
 *   (its staging and demo hubs as `purpose: staging`, testing that service).
 * - On a shared cluster each community hub is its own partner; its staging
 *   and demo hubs, and hubs named after the organisation ("2i2c Showcase"),
 *   go to the organisation's own record (its name in ops.config.yaml as an id).
 *
 * A cluster is shared when it is named after the organisation (its id, or
 * starting with it and a hyphen: 2i2c, 2i2c-uk), or serves more than
 * SHARED_MIN community hubs; --shared and --dedicated name clusters either way.
 *
 * A hub already listed (same domain in its url, or id `<cluster>-<name>` or
 * `<name>`) stays where it is; only the fields it lacks are added, and a
 * value a person wrote is never changed (one that differs from the cluster
 * file is named in the summary). A dedicated cluster whose hubs are not yet
 * listed goes to the partner whose id is the cluster's name, if there is one.
 * New partners start in stage active with needs_review: true and a note
 * naming the cluster; their type, country and account owner are the
 * options' guesses, for the reviewer to check.
 */
import { deployedHubId, hubOwners, readInfrastructure, type Cluster, type DeployedHub } from '../check/reconcile.js';
import { ownRecordId } from '../model/needs-review.js';
import type { Partner } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { flow, scalar, type YamlEditor } from './yaml-editor.js';

/** More community hubs than this on one cluster make it a shared one. */
export const SHARED_MIN = 5;

export interface InfrastructureOptions {
  /** Clusters to treat as shared, or as dedicated, whatever the names and counts say. */
  shared: readonly string[];
  dedicated: readonly string[];
  /** The guesses new partners start with. */
  type: Partner['type'];
  country: string;
  owner: string;
}

export interface InfrastructureSummary {
  /** New partners: "leap (cluster leap, 3 hubs)". */
  added: string[];
  /** Partners given hubs or hub fields: "uni-north: hub leap-prod gets crm_deal_id". */
  changed: string[];
  /** Partners that list deployed hubs and needed nothing. */
  unchanged: number;
  hubs: { added: number; updated: number; unchanged: number };
  /** Values a person wrote that differ from the cluster file, kept as written. */
  kept: string[];
  /** Partners still marked needs_review after the import. */
  toReview: string[];
}

type Cloud = 'aws' | 'gcp' | 'azure' | 'other';
type HubEntry = {
  id: string;
  url?: string;
  cloud: Cloud;
  purpose?: 'staging';
  cloud_billing?: 'pass-through' | 'partner-pays';
  crm_deal_id?: string;
};

/** A partner the import creates: its front matter and note. */
interface NewPartner {
  id: string;
  name: string;
  type: Partner['type'];
  cluster: string;
  hubs: HubEntry[];
  own: boolean;
}

export async function importInfrastructure(
  changes: ChangeSet,
  dir: string,
  options: InfrastructureOptions,
): Promise<InfrastructureSummary> {
  const { clusters } = readInfrastructure(dir);
  const { repo } = await changes.current();
  const known = new Set(clusters.map((c) => c.name));
  for (const name of [...options.shared, ...options.dedicated])
    if (!known.has(name))
      throw new EditRefused(
        `there is no cluster '${name}' in ${dir}/config/clusters/ (clusters: ${[...known].join(', ')})`,
      );
  const organization = repo.config.organization?.replace(/\([^)]*\)/g, '').trim() ?? '';
  const ownId = ownRecordId(repo.config.organization);
  if (!ownId)
    throw new EditRefused(
      "ops.config.yaml names no organization: the import names the organisation's own record by it",
    );

  const ownerOf = hubOwners(repo);
  const byId = new Map(repo.partners.map((p) => [p.id, p]));
  const created = new Map<string, NewPartner>();
  /** Edits of existing partner files, by partner id, with what each adds (for the summary). */
  const edits = new Map<string, { path: string; apply: ((e: YamlEditor) => void)[]; said: string[] }>();
  const summary: InfrastructureSummary = {
    added: [],
    changed: [],
    unchanged: 0,
    hubs: { added: 0, updated: 0, unchanged: 0 },
    kept: [],
    toReview: [],
  };
  const editOf = (p: PartnerFolder) => {
    let e = edits.get(p.id);
    if (!e) edits.set(p.id, (e = { path: p.profile!.file, apply: [], said: [] }));
    return e;
  };
  const touched = new Set<string>();

  /** The partner a new hub goes to: existing (a folder) or created by this import. */
  const ownRecord = (): PartnerFolder | NewPartner =>
    byId.get(ownId) ??
    created.get(ownId) ??
    newPartner(created, {
      id: ownId,
      name: repo.config.organization,
      type: 'nonprofit',
      cluster: '',
      hubs: [],
      own: true,
    });

  for (const cluster of clusters) {
    const shared = isShared(cluster, options, ownId);
    const entry = (d: DeployedHub, staging: boolean): HubEntry => ({
      id: deployedHubId(d),
      ...(d.domain && { url: `https://${d.domain}` }),
      cloud: cloudOf(cluster.provider),
      ...(staging && { purpose: 'staging' as const }),
      ...(cluster.paidByUs !== undefined && {
        cloud_billing: cluster.paidByUs ? ('pass-through' as const) : ('partner-pays' as const),
      }),
      ...(cluster.deal && { crm_deal_id: cluster.deal.id }),
    });
    // A dedicated cluster's partner: whoever lists one of its hubs already (its production hubs first),
    // else the partner named like the cluster, else a new one.
    let dedicated: PartnerFolder | NewPartner | undefined;
    const partnerOfDedicated = () => {
      if (dedicated) return dedicated;
      const listed = [...cluster.hubs]
        .sort((a, b) => Number(isStaging(a)) - Number(isStaging(b)))
        .map(ownerOf)
        .find(Boolean);
      const id = slug(cluster.name);
      dedicated =
        listed?.partner ??
        byId.get(id) ??
        newPartner(created, {
          id: freeId(id, byId, created),
          name: dedicatedName(cluster),
          type: options.type,
          cluster: cluster.name,
          hubs: [],
          own: false,
        });
      return dedicated;
    };
    for (const d of cluster.hubs) {
      // On a shared cluster a hub named after the organisation ("2i2c Showcase") is its own demo.
      const staging = isStaging(d) || (shared && namedAfter(d, organization));
      const wanted = entry(d, staging);
      const owned = ownerOf(d);
      if (owned) {
        touched.add(owned.partner.id);
        // Every field compared is text: url, cloud, purpose, cloud_billing, crm_deal_id.
        const hub = owned.partner.profile!.value.hubs![owned.index] as Partial<Record<keyof HubEntry, string>>;
        const fields = (Object.keys(wanted) as (keyof HubEntry)[]).filter((k) => k !== 'id');
        const missing = fields.filter((k) => hub[k] === undefined);
        // A url of another domain is how a person may have matched the hub by id: not a difference worth naming.
        for (const k of fields)
          if (k !== 'url' && hub[k] !== undefined && hub[k] !== wanted[k])
            summary.kept.push(`${owned.hub}: ${k} ${hub[k]} (${cluster.name}'s file says ${wanted[k]})`);
        if (missing.length === 0) {
          summary.hubs.unchanged++;
          continue;
        }
        const e = editOf(owned.partner);
        e.apply.push((ed) => missing.forEach((k) => ed.set(['hubs', owned.index, k], wanted[k])));
        e.said.push(`hub ${owned.hub} gets ${missing.join(', ')}`);
        summary.hubs.updated++;
        continue;
      }
      summary.hubs.added++;
      let target: PartnerFolder | NewPartner;
      if (!shared) target = partnerOfDedicated();
      else if (staging) target = ownRecord();
      else
        target = newPartner(created, {
          id: freeId(slug(d.name), byId, created, slug(`${d.name}-${cluster.name}`)),
          name: d.display_name ?? d.name,
          type: options.type,
          cluster: cluster.name,
          hubs: [],
          own: false,
        });
      if ('own' in target) {
        target.hubs.push(wanted);
        continue;
      }
      touched.add(target.id);
      const e = editOf(target);
      e.apply.push((ed) => ed.append(['hubs'], wanted));
      e.said.push(`hub ${wanted.id} added`);
    }
  }

  for (const p of [...created.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    changes.create(`partners/${p.id}/partner.md`, partnerText(p, options));
    summary.added.push(
      `${p.id} (${p.own ? 'the organisation itself' : `cluster ${p.cluster}`}, ${p.hubs.length} ${
        p.hubs.length === 1 ? 'hub' : 'hubs'
      })`,
    );
  }
  for (const [id, e] of [...edits].sort(([a], [b]) => a.localeCompare(b))) {
    changes.edit(e.path, (ed) => e.apply.forEach((apply) => apply(ed)));
    summary.changed.push(`${id}: ${e.said.join('; ')}`);
  }
  summary.unchanged = [...touched].filter((id) => !edits.has(id)).length;
  summary.toReview = [
    ...repo.partners.filter((p) => p.profile?.value.needs_review === true).map((p) => p.id),
    ...created.keys(),
  ].sort();
  return summary;
}

function newPartner(created: Map<string, NewPartner>, p: NewPartner): NewPartner {
  created.set(p.id, p);
  return p;
}

/** `id`, or else `fallback`, or else either with -2, -3…: one no partner has. */
function freeId(
  id: string,
  existing: ReadonlyMap<string, PartnerFolder>,
  created: ReadonlyMap<string, NewPartner>,
  fallback = id,
): string {
  const free = (x: string) => !existing.has(x) && !created.has(x);
  if (free(id)) return id;
  if (free(fallback)) return fallback;
  for (let n = 2; ; n++) if (free(`${fallback}-${n}`)) return `${fallback}-${n}`;
}

function isShared(c: Cluster, options: InfrastructureOptions, ownId: string): boolean {
  if (options.shared.includes(c.name)) return true;
  if (options.dedicated.includes(c.name)) return false;
  if (c.name === ownId || c.name.startsWith(`${ownId}-`)) return true;
  return c.hubs.filter((h) => !isStaging(h)).length > SHARED_MIN;
}

/** A staging or demo hub: its name or display name says so (staging, r-staging, orcid-demo, "LEAP Staging"). */
export function isStaging(d: DeployedHub): boolean {
  const says = (s: string | undefined) => s !== undefined && /(^|[^a-z])(staging|demo)([^a-z]|$)/i.test(s);
  return says(d.name) || says(d.display_name);
}

/** A hub on a shared cluster named after the organisation ("2i2c Showcase"): the organisation's own. */
function namedAfter(d: DeployedHub, organization: string): boolean {
  const name = d.display_name?.toLowerCase();
  const org = organization.toLowerCase();
  return !!org && !!name && (name === org || name.startsWith(`${org} `));
}

/**
 * A dedicated cluster's community: the display name of its `prod` hub, or
 * of its only community hub, or of its staging hub, without "(prod)" or
 * "Staging"; else the cluster's name.
 */
function dedicatedName(c: Cluster): string {
  const community = c.hubs.filter((h) => !isStaging(h));
  const main =
    c.hubs.find((h) => h.name === 'prod') ??
    (community.length === 1 ? community[0] : undefined) ??
    c.hubs.find((h) => h.name === 'staging');
  const name = main?.display_name
    ?.replace(
      /\s*(\((prod|production|staging)\)|[-–:]\s*(prod|production|staging)|\s(prod|production|staging))\s*$/i,
      '',
    )
    .trim();
  return name || c.name;
}

function cloudOf(provider: string | undefined): Cloud {
  return provider === 'aws' || provider === 'gcp' || provider === 'azure' ? provider : 'other';
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function partnerText(p: NewPartner, options: InfrastructureOptions): string {
  const front = [
    `id: ${p.id}`,
    `name: ${scalar(p.name)}`,
    `type: ${p.type}`,
    `country: ${options.country}`,
    `account_owner: ${scalar(options.owner)}`,
    'stage: active',
    'needs_review: true',
    'hubs:',
    ...p.hubs.map((h) => `  - ${flow(h)}`),
  ];
  const from = p.own
    ? "This is the organisation's own record (its name in ops.config.yaml): it lists the staging and demo " +
      'hubs of the shared clusters, which test the service of every community on them. It needs no contract.'
    : `Imported from cluster \`${p.cluster}\` of the infrastructure repository ` +
      `(config/clusters/${p.cluster}/cluster.yaml).`;
  return (
    `---\n${front.join('\n')}\n---\n\n# ${p.name}\n\n${from} Its type, country and account owner are the ` +
    `import's guesses: check them, add what its stage needs (npm run validate says what), then remove ` +
    `\`needs_review: true\`.\n`
  );
}

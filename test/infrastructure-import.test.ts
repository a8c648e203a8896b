/**
 * `npm run import -- infrastructure DIR` on 2i2c's real cluster files (test/fixtures/infrastructure-2i2c: seven
 * clusters, 108 hubs). Worked out by reading them, with the organisation named 2i2c in ops.config.yaml:
 *
 * - dedicated clusters, one partner each: leap (GCP, staging + prod + public, paid_by_us false → partner-pays),
 *   nasa-cryo (AWS, paid_by_us true → pass-through), projectpythia-binder (kubeconfig: cloud other, no billing
 *   block), smithsonian (AWS, no hubspot_deal_id);
 * - shared clusters: 2i2c and 2i2c-aws-us (named after the organisation) and cloudbank (92 community hubs,
 *   more than 5): one partner per community hub (mtu and 92 colleges); the staging and demo hubs
 *   (2i2c-staging, 2i2c-aws-us-staging, -orcid-demo, cloudbank-staging, -demo, -gpu-demo) and "2i2c Showcase"
 *   go to the organisation's own record, partners/2i2c (7 hubs).
 *
 * So 4 + 1 + 92 + 1 = 98 partners, 108 hubs.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, readTree, REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const INFRA = join(FIXTURES, 'infrastructure-2i2c');
const importInfra = (root: string, infra = INFRA, ...more: string[]) =>
  runCli('import', ['infrastructure', infra, '--root', root, ...more]);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** An empty data repository: the sample's settings (named 2i2c) and price books, no partner. */
function emptyRepository(): string {
  const root = tempDir();
  const config = readFileSync(join(REPO_ROOT, 'ops.config.yaml'), 'utf8');
  writeFileSync(join(root, 'ops.config.yaml'), config.replace(/^organization: .*$/m, 'organization: 2i2c'));
  cpSync(join(REPO_ROOT, 'pricing'), join(root, 'pricing'), { recursive: true });
  return root;
}

/** An infrastructure repository holding only the named clusters of the fixture. */
function infraWith(...clusters: string[]): string {
  const dir = tempDir();
  for (const c of clusters)
    cpSync(join(INFRA, 'config/clusters', c), join(dir, 'config/clusters', c), { recursive: true });
  return dir;
}

const LEAP = [
  '---',
  'id: leap',
  'name: LEAP',
  'type: university',
  'country: US',
  'account_owner: unassigned',
  'stage: active',
  'needs_review: true',
  'hubs:',
  '  - { id: leap-staging, url: https://staging.leap.2i2c.cloud, cloud: gcp, purpose: staging, ' +
    'cloud_billing: partner-pays, crm_deal_id: "96869388000" }',
  '  - { id: leap-prod, url: https://leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays, ' +
    'crm_deal_id: "96869388000" }',
  '  - { id: leap-public, url: https://public.leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays, ' +
    'crm_deal_id: "96869388000" }',
  '---',
  '',
  '# LEAP',
  '',
  'Imported from cluster `leap` of the infrastructure repository (config/clusters/leap/cluster.yaml). Its type, ' +
    "country and account owner are the import's guesses: check them, add what its stage needs (npm run validate " +
    'says what), then remove `needs_review: true`.',
  '',
].join('\n');

describe('npm run import -- infrastructure', () => {
  it('turns an empty repository into one that validates, every deployed hub listed, idempotently', async () => {
    const root = emptyRepository();
    const r = await importInfra(root);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Partners: 98 added, 0 changed, 0 unchanged.',
      'Hubs: 108 added, 0 given missing fields, 0 already listed.',
      'Added:',
    ]);
    // At most 20 named rows, the rest counted; in id order.
    expect(lines.slice(3, 5)).toEqual([
      '  - 2i2c (the organisation itself, 7 hubs)',
      '  - authoring (cluster cloudbank, 1 hub)',
    ]);
    expect(lines[23]).toBe('  … and 78 more');
    expect(lines.slice(24)).toEqual([
      '98 partners await review (needs_review: true; listed in reports/onboarding.md): check each one, add what ' +
        'npm run validate asks for, then remove needs_review.',
      'Wrote 98 files.',
    ]);

    const tree = readTree(root);
    expect(Object.keys(tree).filter((p) => p.startsWith('partners/')).length).toBe(98);
    expect(tree['partners/leap/partner.md']).toBe(LEAP);
    const hubLines = (id: string) => tree[`partners/${id}/partner.md`].split('\n').filter((l) => l.startsWith('  - '));
    expect(hubLines('2i2c').map((l) => /id: ([a-z0-9-]+)/.exec(l)![1])).toEqual([
      '2i2c-staging',
      '2i2c-aws-us-staging',
      '2i2c-aws-us-showcase',
      '2i2c-aws-us-orcid-demo',
      'cloudbank-staging',
      'cloudbank-demo',
      'cloudbank-gpu-demo',
    ]);
    expect(hubLines('2i2c').every((l) => l.includes('purpose: staging'))).toBe(true);
    expect(tree['partners/2i2c/partner.md']).toContain('type: nonprofit');
    expect(hubLines('mtu')).toEqual([
      '  - { id: 2i2c-mtu, url: https://mtu.2i2c.cloud, cloud: gcp, cloud_billing: pass-through, ' +
        'crm_deal_id: "231111145206" }',
    ]);
    expect(tree['partners/mtu/partner.md']).toContain('name: Michigan Technological University\n');
    expect(hubLines('nasa-cryo')[1]).toBe(
      '  - { id: nasa-cryo-prod, url: https://hub.cryointhecloud.com, cloud: aws, cloud_billing: pass-through, ' +
        'crm_deal_id: "86933236461" }',
    );
    expect(tree['partners/nasa-cryo/partner.md']).toContain('name: NASA Cryo in the Cloud\n');
    // kubeconfig: no cloud named, no billing block, so no cloud_billing.
    expect(hubLines('projectpythia-binder')).toEqual([
      '  - { id: projectpythia-binder-binderhub, url: https://hub.projectpythia.org, cloud: other, ' +
        'crm_deal_id: "102799509217" }',
    ]);
    // No hubspot_deal_id: no crm_deal_id.
    expect(hubLines('smithsonian')).toEqual([
      '  - { id: smithsonian-staging, url: https://staging.smithsonian.2i2c.cloud, cloud: aws, purpose: staging, ' +
        'cloud_billing: pass-through }',
      '  - { id: smithsonian-prod, url: https://smithsonian.2i2c.cloud, cloud: aws, cloud_billing: pass-through }',
    ]);
    expect(tree['partners/berea/partner.md']).toContain('name: Berea College\n');

    // validate: no errors; one needs-review warning per partner, the organisation's own saying it is complete.
    const v = await runCli('validate', ['--root', root, '--format', 'json']);
    expect(v.code).toBe(0);
    const problems = (JSON.parse(v.stdout) as { problems: { rule: string; severity: string; message: string }[] })
      .problems;
    expect([problems.length, new Set(problems.map((p) => `${p.rule} ${p.severity}`))]).toEqual([
      98,
      new Set(['needs-review warning']),
    ]);
    expect(problems.filter((p) => p.message.includes('has what its stage needs')).length).toBe(1);

    // reconcile: every deployed hub is listed; 101 hubs (all but the organisation's 7) have no contract yet, and
    // the 6 clusters with a deal id have no contract carrying it.
    const rec = await runCli('reconcile', ['--root', root, '--infrastructure', INFRA, '--format', 'json']);
    const found = (JSON.parse(rec.stdout) as { problems: { rule: string; file: string; line: number }[] }).problems;
    const count = (rule: string) => found.filter((p) => p.rule === rule).length;
    expect([count('hub-not-listed'), count('hub-without-contract'), count('deal-without-contract')]).toEqual([
      0, 101, 6,
    ]);
    expect(found.find((p) => p.rule === 'deal-without-contract' && p.file.endsWith('leap/cluster.yaml'))?.line).toBe(6);

    const again = await importInfra(root);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toBe(
      'Partners: 0 added, 0 changed, 98 unchanged.\n' +
        'Hubs: 0 added, 0 given missing fields, 108 already listed.\n' +
        '98 partners await review (needs_review: true; listed in reports/onboarding.md): check each one, add what ' +
        'npm run validate asks for, then remove needs_review.\n' +
        'Nothing to change: every deployed hub is already listed.\n',
    );
    expect(readTree(root)).toEqual(tree);
  });

  it('keeps every word a person wrote: a renamed partner, notes, contacts, comments, a value set by hand', async () => {
    const root = emptyRepository();
    const infra = infraWith('leap');
    expect((await importInfra(root, infra)).code).toBe(0);
    const path = 'partners/leap/partner.md';
    const reviewed = read(root, path)
      .replace('name: LEAP\n', 'name: LEAP Climate Data Collaboration   # renamed after the kickoff call\n')
      .replace('needs_review: true\n', 'milestones:\n  contract_signed: 2025-03-14\n  hub_live: 2025-04-01\n')
      // A person said public is billed to us, and took the deal id off prod: the import must not undo the first.
      .replace(
        'public.leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays',
        'public.leap.2i2c.cloud, cloud: gcp, cloud_billing: pass-through',
      )
      .replace(
        'cloud_billing: partner-pays, crm_deal_id: "96869388000" }\n  - { id: leap-public',
        'cloud_billing: partner-pays }\n  - { id: leap-public',
      )
      .replace(/^(---\n[\s\S]*?\n---\n)[\s\S]*$/, '$1\n# LEAP\n\nOur notes: heavy Dask use, renews in March.\n')
      .replace(
        'hubs:\n',
        'contacts:\n  - { name: Priya Natarajan, role: Program manager, labels: [representative] }\nhubs:\n',
      );
    writeFileSync(join(root, path), reviewed);
    const r = await importInfra(root, infra);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      'Partners: 0 added, 1 changed, 0 unchanged.\n' +
        'Hubs: 0 added, 1 given missing fields, 2 already listed.\n' +
        'Changed:\n' +
        '  - leap: hub leap-prod gets crm_deal_id\n' +
        'Kept as written, though the cluster file says otherwise:\n' +
        "  - leap-public: cloud_billing pass-through (leap's file says partner-pays)\n" +
        `Wrote ${path}.\n`,
    );
    // Only the deal id came back, at the end of its hub's line.
    expect(read(root, path)).toBe(
      reviewed.replace(
        'leap-prod, url: https://leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays }',
        'leap-prod, url: https://leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays, crm_deal_id: "96869388000" }',
      ),
    );
    const before = readTree(root);
    expect((await importInfra(root, infra)).stdout).toContain('Partners: 0 added, 0 changed, 1 unchanged.\n');
    expect(readTree(root)).toEqual(before);
  });

  it("finds a cluster's hubs by id in a partner's hubs, gives them only what they lack, comments kept", async () => {
    // The sample's leap partner lists leap-prod (with its own url) and leap-staging (none): 2i2c's leap cluster
    // deploys hubs of those ids, so they are its; public is new, and goes to the same partner.
    const root = sampleCopy();
    const path = 'partners/leap/partner.md';
    const before = read(root, path).replace('hubs:\n', 'hubs:   # prod and staging\n');
    writeFileSync(join(root, path), before);
    const r = await importInfra(root, infraWith('leap'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      'Partners: 0 added, 1 changed, 0 unchanged.',
      'Hubs: 1 added, 2 given missing fields, 0 already listed.',
      'Changed:',
      '  - leap: hub leap-staging gets url, purpose, cloud_billing, crm_deal_id; hub leap-prod gets ' +
        'cloud_billing, crm_deal_id; hub leap-public added',
      `Wrote ${path}.`,
      '',
    ]);
    const after = read(root, path);
    expect(after.split('\n').filter((l) => l.startsWith('  - { id: leap-'))).toEqual([
      '  - { id: leap-prod, url: https://leap.hubs.example.org, cloud: gcp, launched: 2025-04-01, billing: ' +
        '{ gcp_project: leap-hubs }, cloud_billing: partner-pays, crm_deal_id: "96869388000" }',
      '  - { id: leap-staging, cloud: gcp, launched: 2025-04-01, billing: { gcp_project: leap-hubs, tag: ' +
        'leap-staging }, url: https://staging.leap.2i2c.cloud, purpose: staging, cloud_billing: partner-pays, ' +
        'crm_deal_id: "96869388000" }',
      '  - { id: leap-public, url: https://public.leap.2i2c.cloud, cloud: gcp, cloud_billing: partner-pays, ' +
        'crm_deal_id: "96869388000" }',
    ]);
    expect(after).toContain('hubs:   # prod and staging\n');
    expect(after.replace(/^hubs:[\s\S]*?\nonboarding:/m, '')).toBe(before.replace(/^hubs:[\s\S]*?\nonboarding:/m, ''));
  });

  it('refuses an unknown cluster, a country that is not a code, a file that is not YAML: writing nothing', async () => {
    const root = emptyRepository();
    const r = await importInfra(root, INFRA, '--shared', 'nowhere');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^refused: there is no cluster 'nowhere' in .*config\/clusters\/ \(clusters: 2i2c, /);
    const c = await importInfra(root, INFRA, '--country', 'usa');
    expect([c.code, c.stderr]).toEqual([2, "usage: --country 'usa': two capital letters, e.g. US or CA\n"]);
    const broken = infraWith('leap');
    const leap = join(broken, 'config/clusters/leap/cluster.yaml');
    writeFileSync(leap, readFileSync(leap, 'utf8').replace('- name: prod', '- name: [prod'));
    const y = await importInfra(root, broken);
    expect([y.code, y.stdout]).toEqual([2, '']);
    // The unclosed [ on line 31 is found where the next line starts, as validate would say for a data file.
    expect(y.stderr).toMatch(new RegExp(`^error: ${leap}:32:3: cannot be read as YAML: `));
    expect(readTree(root)).toEqual(readTree(emptyRepository()));
  });

  it('follows --dedicated and --shared over the names and counts', async () => {
    const root = emptyRepository();
    const r = await importInfra(root, infraWith('cloudbank', 'leap'), '--dedicated', 'cloudbank', '--shared', 'leap');
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, 'Partners: 4 added, 0 changed, 0 unchanged.']);
    // cloudbank dedicated: one partner for its 95 hubs; leap shared: its staging hub goes to the organisation,
    // prod and public are a partner each (named by their hubs).
    expect(Object.keys(readTree(join(root, 'partners')))).toEqual([
      '2i2c/partner.md',
      'cloudbank/partner.md',
      'prod/partner.md',
      'public/partner.md',
    ]);
    expect(read(root, 'partners/cloudbank/partner.md')).toContain('name: Cloudbank\n');
  });
});

/** A signed service agreement in force on 2026-11-24, covering `hubs`, carrying CRM deal `deal`. */
function contract(partner: string, deal: string, hubs: string[]): string {
  return [
    `id: ${partner}-2026`,
    `partner: ${partner}`,
    'kind: service-agreement',
    'status: active',
    'signed: 2026-01-05',
    'start: 2026-01-01',
    'end: 2026-12-31',
    'currency: USD',
    'fees:',
    '  - { id: hosting, description: Managed hub, amount: 2500, per: month, service: hub-service }',
    'cloud: { billing: partner-pays }',
    'billing: { every: month, in: advance }',
    `hubs: [${hubs.join(', ')}]`,
    `crm_deal_id: "${deal}"`,
    '',
  ].join('\n');
}

describe("npm run reconcile: the clusters' CRM deals", () => {
  it('warns of a deal no contract carries, and of a contract in force with another deal, at both lines', async () => {
    const root = emptyRepository();
    const infra = infraWith('leap', 'nasa-cryo');
    expect((await importInfra(root, infra)).code).toBe(0);
    // leap's contract carries a deal that is not its cluster's; nasa-cryo's carries its cluster's.
    mkdirSync(join(root, 'partners/leap/contracts'));
    writeFileSync(join(root, 'partners/leap/contracts/leap-2026.yaml'), contract('leap', '999', ['leap-prod']));
    mkdirSync(join(root, 'partners/nasa-cryo/contracts'));
    writeFileSync(
      join(root, 'partners/nasa-cryo/contracts/nasa-cryo-2026.yaml'),
      contract('nasa-cryo', '86933236461', ['nasa-cryo-staging', 'nasa-cryo-prod']),
    );
    const cluster = join(infra, 'config/clusters/leap/cluster.yaml');
    const leapContract = 'partners/leap/contracts/leap-2026.yaml';
    const args = ['--root', root, '--infrastructure', infra, '--as-of', '2026-11-24'];
    const r = await runCli('reconcile', [...args, '--format', 'json']);
    const found = (
      JSON.parse(r.stdout) as {
        problems: { rule: string; file: string; line: number; column: number; message: string }[];
      }
    ).problems.filter((p) => p.rule.startsWith('deal-'));
    // Line 6 of leap's cluster.yaml: "    hubspot_deal_id: 96869388000"; line 14 of the contract: crm_deal_id.
    expect(found.map((p) => `${p.rule} ${p.file}:${p.line}:${p.column}`).sort()).toEqual(
      [
        `deal-id-mismatch ${cluster}:6:22`,
        `deal-id-mismatch ${leapContract}:14:14`,
        `deal-without-contract ${cluster}:6:22`,
      ].sort(),
    );
    expect(found.map((p) => p.message).sort()).toEqual([
      `cluster 'leap' runs under CRM deal 96869388000, but leap's contract leap-2026 in force carries deal 999 ` +
        `(${leapContract}:14): correct whichever is wrong`,
      `cluster 'leap' runs under CRM deal 96869388000, but no contract carries it as crm_deal_id: add ` +
        'crm_deal_id: "96869388000" to the contract of leap that it is for, or import the CRM deals ' +
        '(npm run import -- crm-deals)',
      `contract leap-2026 carries CRM deal 999, but cluster 'leap', which runs leap's hubs, is under deal ` +
        `96869388000 (${cluster}:6): correct whichever is wrong`,
    ]);
    const gh = (await runCli('reconcile', [...args, '--format', 'github'])).stdout.split('\n');
    expect(gh.filter((l) => l.includes('title=deal-')).map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual(
      [
        `::warning file=${cluster},line=6,col=22,title=deal-id-mismatch`,
        `::warning file=${cluster},line=6,col=22,title=deal-without-contract`,
        `::warning file=${leapContract},line=14,col=14,title=deal-id-mismatch`,
      ].sort(),
    );
  });
});

describe('reports/onboarding.md', () => {
  it('lists the partners awaiting review with what each still needs', async () => {
    const root = emptyRepository();
    expect((await importInfra(root, infraWith('leap', '2i2c'))).code).toBe(0);
    const out = join(tempDir(), 'reports');
    const r = await runCli('report', ['--root', root, '--out', out, '--as-of', '2026-11-24']);
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'onboarding.md'), 'utf8');
    const section = page.split('## Imported, to review\n')[1].split('\n## ')[0];
    expect(section.trim().split('\n').slice(-4)).toEqual([
      '|---|---:|---|',
      '| [2i2c](partners/2i2c.md) | 1 | nothing: remove `needs_review` once checked |',
      '| [LEAP](partners/leap.md) | 3 | milestones: contract\\_signed: YYYY-MM-DD, ' +
        'milestones: hub\\_live: YYYY-MM-DD, its signed contract under partners/leap/contracts/, ' +
        "a contact labelled 'representative' |",
      '| [Michigan Technological University](partners/mtu.md) | 1 | milestones: contract\\_signed: YYYY-MM-DD, ' +
        'milestones: hub\\_live: YYYY-MM-DD, its signed contract under partners/mtu/contracts/, a contact labelled ' +
        "'representative' |",
    ]);
  });
});

describe("docs/guide.md's first-day commands", () => {
  it('run as written, on a checkout of the infrastructure repository', async () => {
    const guide = readFileSync(join(REPO_ROOT, 'docs/guide.md'), 'utf8');
    const section = guide.split('\n## Starting from your infrastructure repository\n')[1].split(/\n## /)[0];
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
    const commands = block.trim().split('\n');
    expect(commands).toEqual([
      'npm run import -- infrastructure ../infrastructure',
      'npm run validate',
      'npm run reconcile -- --infrastructure ../infrastructure',
    ]);
    const root = emptyRepository();
    const infra = infraWith('leap');
    const codes = [];
    for (const line of commands) {
      const [, , script, , ...args] = line.replace(/\.\.\/infrastructure/g, infra).split(' ');
      codes.push(await runCli(script, [...args, '--root', root]));
    }
    // The import writes, validate has only warnings, reconcile lists every hub (none unlisted) but no contract.
    expect(codes.map((c) => c.code)).toEqual([0, 0, 1]);
    expect(codes[2].stdout).not.toContain('hub-not-listed');
    expect(codes[2].stdout).toContain('hub-without-contract');
  });
});

describe('a HubSpot deals export without a company column, after import infrastructure', () => {
  it("finds each deal's partner by the deal id its cluster carries; won deals wait for sign-off", async () => {
    const root = emptyRepository();
    expect((await importInfra(root, infraWith('leap', 'nasa-cryo'))).code).toBe(0);
    const deals = join(FIXTURES, 'imports/hubspot-deals-clusters.csv');
    const r = await runCli('import', ['crm-deals', deals, '--root', root]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    // Deal 96869388000 is leap's cluster's, 86933236461 nasa-cryo's; 99999999999 is on no cluster.
    expect(r.stdout).toContain('2 added, 0 updated, 0 already there, 1 skipped.\n');
    expect(r.stdout).toContain('Added draft contracts: leap-deal-96869388000, nasa-cryo-deal-86933236461.\n');
    expect(r.stdout).toContain('  - deal 99999999999 (Unknown hub deal): the CRM names no company for it');
    expect(r.stdout).toContain('(set status: active and signed: DATE in the contract): leap-deal-96869388000');
    const leap = read(root, 'partners/leap/contracts/leap-deal-96869388000.yaml');
    // Won, premier membership, still a draft; its hubs and cloud billing from the cluster (paid_by_us: false).
    expect(leap).toContain('tier: premier\nstatus: draft\nstart: 2027-01-01\nend: 2027-12-31\n');
    expect(leap).toContain('cloud: { billing: partner-pays }\n');
    expect(leap).toContain('hubs: [leap-staging, leap-prod, leap-public]\nprobability: 100\n');
    const cryo = read(root, 'partners/nasa-cryo/contracts/nasa-cryo-deal-86933236461.yaml');
    // A project: a statement of work; target dates stand in for contract dates; paid_by_us: true → pass-through.
    expect(cryo).toContain('kind: statement-of-work\nstatus: draft\nstart: 2027-02-01\nend: 2028-01-31\n');
    expect(cryo).toContain('cloud: { billing: pass-through }\n');
    expect(cryo).toContain('probability: 50\n');
    const v = await runCli('validate', ['--root', root, '--format', 'json']);
    const { problems } = JSON.parse(v.stdout) as { problems: { severity: string }[] };
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const tree = readTree(root);
    expect((await runCli('import', ['crm-deals', deals, '--root', root])).stdout).toContain('Nothing to change');
    expect(readTree(root)).toEqual(tree);
  });
});

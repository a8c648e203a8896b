/**
 * `npm run reconcile -- --infrastructure DIR` on the sample data and the sample infrastructure repository
 * (test/fixtures/imports/infrastructure: three clusters). Planted there: a demo hub no partner lists, and
 * DataLab's hub, decommissioned in its partner.md on 2026-01-15, still deployed, Riverside's hub, deployed
 * after its agreement lapsed on 2026-10-31 (the weekly review's lapsed agreement); and in the sample data,
 * State Geological Survey's hub sgs-hub, which runs on Azure, a cloud this infrastructure does not cover.
 * Everything else matches: by domain (research, teaching, prod, schools, books, workshops) or by
 * <cluster>-<name> (leap-staging).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, REPO_ROOT, tempDir } from './helpers/fixtures.js';

const INFRA = 'test/fixtures/imports/infrastructure';
const AWS = `${INFRA}/config/clusters/aws-shared/cluster.yaml`;
const reconcile = (...args: string[]) => runCli('reconcile', ['--root', REPO_ROOT, '--as-of', '2026-11-24', ...args]);

describe('npm run reconcile', () => {
  it('finds exactly the planted mismatches, each at its line, and fails on the errors', async () => {
    const r = await reconcile('--infrastructure', INFRA, '--format', 'json');
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { problems: { file: string; line: number; column: number; rule: string }[] })
      .problems;
    expect(found.map((p) => [p.rule, `${p.file}:${p.line}:${p.column}`])).toEqual([
      ['hub-not-deployed', 'partners/state-geo/partner.md:16:5'],
      ['hub-not-listed', `${AWS}:17:5`],
      ['hub-without-contract', `${AWS}:21:5`],
      ['hub-without-contract', `${AWS}:25:5`],
    ]);
  });

  it('annotates a pull request with --format github', async () => {
    const r = await reconcile('--infrastructure', INFRA, '--format', 'github');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => (l.startsWith('::') ? l.slice(0, l.indexOf('::', 2)) : l))).toEqual([
      '::warning file=partners/state-geo/partner.md,line=16,col=5,title=hub-not-deployed',
      `::error file=${AWS},line=17,col=5,title=hub-not-listed`,
      `::error file=${AWS},line=21,col=5,title=hub-without-contract`,
      `::error file=${AWS},line=25,col=5,title=hub-without-contract`,
      '3 errors, 1 warning',
    ]);
  });

  it("passes (exit 0) once the planted hubs are gone, with only warnings: the Azure hub and Riverside's", async () => {
    const infra = join(tempDir(), 'infra');
    cpSync(join(FIXTURES, 'imports/infrastructure'), infra, { recursive: true });
    const aws = join(infra, 'config/clusters/aws-shared/cluster.yaml');
    writeFileSync(aws, readFileSync(aws, 'utf8').split('  # Planted')[0]);
    const r = await reconcile('--infrastructure', infra);
    expect([r.code, r.stdout.trim().split('\n').at(-1)]).toEqual([0, '2 problems (0 errors, 2 warnings)']);
    expect(r.stdout).toContain("hub 'sgs-hub' is live since 2025-06-02 but no cluster deploys it");
    expect(r.stdout).toContain("hub 'riverside-teaching' is live since 2025-11-03 but no cluster deploys it");
  });

  it('locates a cluster file that is not YAML (exit 2), as the data files are', async () => {
    const infra = join(tempDir(), 'infra');
    cpSync(join(FIXTURES, 'imports/infrastructure'), infra, { recursive: true });
    const leap = join(infra, 'config/clusters/leap/cluster.yaml');
    writeFileSync(leap, readFileSync(leap, 'utf8').replace('  - name: prod', '  - name: [prod'));
    const r = await reconcile('--infrastructure', infra);
    expect([r.code, r.stdout]).toEqual([2, '']);
    // The unclosed [ on line 10 is found where the next line starts, as validate would say for a data file.
    expect(r.stderr).toMatch(new RegExp(`^error: ${leap}:11:5: cannot be read as YAML: YAML syntax error: `));
  });

  it('says which folder is not an infrastructure repository (exit 2)', async () => {
    const r = await reconcile('--infrastructure', 'test/fixtures/base');
    expect([r.code, r.stderr]).toEqual([
      2,
      'error: test/fixtures/base has no config/clusters/ folder: name the hub-infrastructure repository\n',
    ]);
  });
});

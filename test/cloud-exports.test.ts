/**
 * `npm run import -- cloud-costs FILE --format gcp|aws`: billing exports mapped to hubs through
 * `hubs[].billing`, summed per hub and month (of the usage start, UTC), credits as negative rows, rounded to
 * the cent once, after summing. The exports are test/fixtures/imports/gcp-billing.csv and aws-cur.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricsJson as Metrics } from '../scripts/lib/write/metrics-json.js';
import { dec } from '../scripts/lib/money/decimal.js';
import { runCli } from './helpers/cli.js';
import { billedData } from './helpers/cloud.js';
import { FIXTURES, replaceIn, tempDir } from './helpers/fixtures.js';

const data = billedData;

const ACC = '01A2B3-C4D5E6-F7A8B9';
const costs = (root: string, partner: string) =>
  readFileSync(join(root, `partners/${partner}/cloud-costs.yaml`), 'utf8');
const unattributed = (root: string) => readFileSync(join(root, 'costs/unattributed-cloud.yaml'), 'utf8');
const importExport = (root: string, file: string, format: string) =>
  runCli('import', ['cloud-costs', join(FIXTURES, 'imports', file), '--format', format, '--root', root]);

describe('npm run import -- cloud-costs --format gcp', () => {
  it('sums per hub and month by label or project, lists unattributed rows; a second run changes nothing', async () => {
    const root = data();
    const r = await importExport(root, 'gcp-billing.csv', 'gcp');
    expect(r.stderr).toBe('');
    // Months in US Pacific time, as GCP invoices (the export has no invoice.month): line 3's 2025-06-01 00:00 UTC
    // is 31 May 17:00 Pacific. alpha-hub 2025-05: lines 2, 3 and 4, 10.004 + 5.5 + (-2.001) = 13.503 -> 13.50.
    // beta-lab (its project, no label) 2025-05: lines 5 and 6, 100.123456 + 0.000544 = 100.124 -> 100.12;
    //   2025-06: line 9 (2 June 00:00 UTC = 1 June Pacific), 50 CAD. unmapped-proj 2025-05: lines 7 and 8,
    //   7.25 + 1.125 = 8.375 -> 8.38 (half up).
    expect(r.stdout).toBe(
      'Read a GCP billing export: 8 rows. 4 added, 0 updated, 0 already there. Summed rows of the same hub and ' +
        'month: alpha-hub 2025-05 (lines 2, 3, 4); beta-lab 2025-05 (lines 5, 6). Not attributed to any hub, ' +
        'kept in costs/unattributed-cloud.yaml ' +
        '(cost nobody recovers; give the hub a billing project, account or tag in its partner.md): 2025-05 ' +
        'project unmapped-proj: 8.38 USD (lines 7, 8). Wrote costs/unattributed-cloud.yaml, ' +
        'partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    expect(unattributed(root)).toBe(
      `- { month: 2025-05, provider: gcp, billing_account: ${ACC}, account: unmapped-proj, amount: 8.38, ` +
        'currency: USD }\n',
    );
    expect(costs(root, 'alpha')).toBe(
      '- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n' +
        `- { month: 2025-05, hub: alpha-hub, billing_account: ${ACC}, amount: 13.50, currency: USD }\n`,
    );
    expect(costs(root, 'beta')).toBe(
      `- { month: 2025-05, hub: beta-lab, billing_account: ${ACC}, amount: 100.12, currency: USD }\n` +
        `- { month: 2025-06, hub: beta-lab, billing_account: ${ACC}, amount: 50.00, currency: CAD }\n`,
    );
    const again = await importExport(root, 'gcp-billing.csv', 'gcp');
    expect(again.stdout).toMatch(/^Read a GCP .* 0 added, 0 updated, 4 already there\. .*Nothing to change: every row/);
    expect(costs(root, 'beta')).toBe(
      `- { month: 2025-05, hub: beta-lab, billing_account: ${ACC}, amount: 100.12, currency: USD }\n` +
        `- { month: 2025-06, hub: beta-lab, billing_account: ${ACC}, amount: 50.00, currency: CAD }\n`,
    );
  });

  it('refuses a malformed row, naming its line, and writes nothing', async () => {
    const root = data();
    const bad = join(tempDir(), 'bad.csv');
    const lines = readFileSync(join(FIXTURES, 'imports/gcp-billing.csv'), 'utf8').split('\n');
    lines[3] = lines[3].replace(',-2.001,', ',two,');
    writeFileSync(bad, lines.join('\n'));
    const r = await runCli('import', ['cloud-costs', bad, '--format', 'gcp', '--root', root]);
    expect([r.code, r.stderr]).toEqual([
      1,
      `refused: nothing was imported:\n  ${bad}:4:7: the cost 'two' is not a number (column G, "cost")\n`,
    ]);
    expect(costs(root, 'alpha')).toBe('- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n');
  });
});

describe('npm run import -- cloud-costs --format aws', () => {
  it('maps by the hub-name tag, then by the account, and sums a credit in', async () => {
    const root = data();
    const r = await importExport(root, 'aws-cur.csv', 'aws');
    // alpha (tag): lines 2, 3 and 6: 12.3456789 + 0.0043211 - 1.50 = 10.85; beta-lab (account 444455556666):
    // line 4, 3.10; line 5 has no tag and an account no hub has: unattributed, 4.00.
    expect(r.stdout).toBe(
      'Read an AWS Cost and Usage Report: 5 rows. 3 added, 0 updated, 0 already there. Summed rows of the same ' +
        'hub and month: alpha-hub 2025-05 (billing account 111122223333) (lines 2, 3, 6). Not attributed to any ' +
        'hub, kept in costs/unattributed-cloud.yaml (cost nobody recovers; give the ' +
        'hub a billing project, account or tag in its partner.md): 2025-05 account 111122223333: 4.00 USD (lines ' +
        '5). Wrote costs/unattributed-cloud.yaml, partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    // Without a bill/PayerAccountId column, each usage account is its own billing account.
    expect(costs(root, 'alpha')).toContain(
      '- { month: 2025-05, hub: alpha-hub, billing_account: "111122223333", amount: 10.85, currency: USD }\n',
    );
    expect(costs(root, 'beta')).toBe(
      '- { month: 2025-05, hub: beta-lab, billing_account: "444455556666", amount: 3.10, currency: USD }\n',
    );
  });
});

describe('unattributed cloud costs', () => {
  it('count in MRC, show on the cost-recovery report, and go to 0 once their project maps to a hub', async () => {
    const root = data();
    const metrics = async () =>
      JSON.parse((await runCli('metrics', ['--root', root, '--as-of', '2025-05-31'])).stdout) as Metrics;
    const before = await metrics();
    expect(before.unattributed_cloud_costs).toBe('0.00');
    await importExport(root, 'gcp-billing.csv', 'gcp');
    const after = await metrics();
    // May's new cloud costs: alpha-hub 13.50 + beta-lab 100.12 + unattributed unmapped-proj 8.38 = 122.00.
    expect(after.unattributed_cloud_costs).toBe('8.38');
    expect(dec(after.mrc).minus(dec(before.mrc)).toFixed(2)).toBe('122.00');
    const out = join(tempDir(), 'reports');
    await runCli('report', ['--root', root, '--as-of', '2025-05-31', '--out', out]);
    const report = readFileSync(join(out, 'cost-recovery.md'), 'utf8');
    expect(report).toContain('**Cloud bills no hub is mapped to, 2025-05: 8.38.**');
    expect(report).toContain('| gcp | unmapped-proj | 8.38 |');

    // The team keeps a note in the file, then maps unmapped-proj to alpha's hub and imports again.
    writeFileSync(join(root, 'costs/unattributed-cloud.yaml'), '# Checked with finance.\n' + unattributed(root));
    replaceIn(root, 'partners/alpha/partner.md', 'tag: alpha }', 'tag: alpha, gcp_project: unmapped-proj }');
    replaceIn(root, 'partners/alpha/partner.md', 'gcp_project: shared-hubs-01, ', '');
    const r = await importExport(root, 'gcp-billing.csv', 'gcp');
    // alpha-hub 2025-05 now also takes lines 7 and 8: 13.503 + 8.375 = 21.878 -> 21.88.
    expect(r.stdout).toContain(
      'Now attributed to a hub, so set to 0 in costs/unattributed-cloud.yaml: 2025-05 unmapped-proj.',
    );
    expect(unattributed(root)).toBe(
      '# Checked with finance.\n' +
        `- { month: 2025-05, provider: gcp, billing_account: ${ACC}, account: unmapped-proj, amount: 0, ` +
        'currency: USD }\n',
    );
    expect(costs(root, 'alpha')).toContain(
      `- { month: 2025-05, hub: alpha-hub, billing_account: ${ACC}, amount: 21.88, currency: USD }\n`,
    );
    expect((await metrics()).unattributed_cloud_costs).toBe('0.00');
  }, 120_000); // Six runs of the commands, a report among them, on a shared machine.

  it('reading an export of more than 10,000 rows shows its progress on stderr', async () => {
    const root = data();
    const big = join(tempDir(), 'big.csv');
    const label = '"[{""key"":""hub-name"",""value"":""alpha""}]"';
    const row = `01A,Compute Engine,shared-hubs-01,${label},2025-05-02 00:00:00 UTC,,0.01,USD`;
    writeFileSync(
      big,
      'billing_account_id,service.description,project.id,labels,usage_start_time,usage_end_time,cost,currency\n' +
        `${row}\n`.repeat(25_000),
    );
    const r = await runCli('import', ['cloud-costs', big, '--format', 'gcp', '--root', root]);
    expect(r.stderr).toBe(
      `Reading ${big}: 10,000 rows…\nReading ${big}: 20,000 rows…\nReading ${big}: 25,000 rows, done.\n`,
    );
    // 25,000 × 0.01 = 250.00.
    expect(costs(root, 'alpha')).toContain(
      '- { month: 2025-05, hub: alpha-hub, billing_account: 01A, amount: 250.00, currency: USD }\n',
    );
  });
});

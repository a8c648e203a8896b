/**
 * The cloud bills as the systems really write them (SPEC-3 E): GCP's BigQuery billing export saved as CSV
 * (credits, invoice month, Pacific-time month, two billing accounts in two currencies, consecutive months,
 * a spreadsheet's BOM and CRLF, headings in another order and case), AWS Cost Explorer's "Download CSV",
 * located refusals, the hint for a forgotten --format and a summary that stays short.
 * The exports are test/fixtures/imports/gcp-billing-2025-1*.csv and aws-cost-explorer.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { billedData } from './helpers/cloud.js';
import { FIXTURES, tempDir } from './helpers/fixtures.js';

const ACC1 = '01A2B3-C4D5E6-F7A8B9';
const ACC2 = '01FFFF-EEEEEE-DDDDDD';

const data = billedData;

/** A line of costs/unattributed-cloud.yaml. */
const row = (month: string, account: string, project: string, amount: string, currency: string) =>
  `- { month: ${month}, provider: gcp, billing_account: ${account}, account: ${project}, amount: ${amount}, ` +
  `currency: ${currency} }\n`;
const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const files = (root: string) =>
  ['partners/alpha/cloud-costs.yaml', 'partners/beta/cloud-costs.yaml', 'costs/unattributed-cloud.yaml'].map((f) => {
    try {
      return read(root, f);
    } catch {
      return '';
    }
  });
const importFile = (root: string, file: string, ...format: string[]) =>
  runCli('import', ['cloud-costs', file, ...format, '--root', root]);
const fixture = (name: string) => join(FIXTURES, 'imports', name);

/** Imports `file` a second time: nothing changes, byte for byte. */
async function again(root: string, file: string, format = 'gcp') {
  const before = files(root);
  const r = await importFile(root, file, '--format', format);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/ 0 added, 0 updated, \d+ already there\..*Nothing to change/);
  expect(files(root)).toEqual(before);
}

describe('GCP billing export, as BigQuery saves it', () => {
  it('adds credits, takes the invoice or Pacific month, and replaces only its billing account and month', async () => {
    const root = data();
    // An entry typed in before the export (no billing account) and an older month of the first account.
    writeFileSync(
      join(root, 'partners/beta/cloud-costs.yaml'),
      '# Entered by hand before the export.\n- { month: 2025-11, hub: beta-lab, amount: 90.00, currency: USD }\n',
    );
    writeFileSync(
      join(root, 'costs/unattributed-cloud.yaml'),
      '# Checked with finance.\n' + row('2025-10', ACC1, 'unmapped-proj', '3.00', 'USD'),
    );
    const november = fixture('gcp-billing-2025-11.csv');
    const r = await importFile(root, november, '--format', 'gcp');
    expect(r.stderr).toBe('');
    // alpha-hub 2025-11 (lines 2, 4, 5, 10): line 2 3226.70 + credits (-100.25 - 12.3) = 3114.15;
    //   line 4 (a row spanning lines 3-4) 1.2e-05 = 0.000012; line 5 10.004, no invoice month, 2025-12-01 03:00 UTC
    //   = 30 Nov 19:00 Pacific; line 10 an adjustment of -0.5.
    //   3114.15 + 0.000012 + 10.004 - 0.5 = 3123.654012 -> 3123.65.
    // alpha-hub 2025-12: line 6, no invoice month, 2025-12-01 09:00 UTC = 1 Dec 01:00 Pacific: 5.50.
    // beta-lab 2025-11: line 7, 100.123456 - 0.003456 = 100.12, taking over the entry typed in by hand (90.00).
    // unmapped-proj 2025-11: lines 8, 9 (a label, but not hub-name): 7.25 + 1.125 = 8.375 -> 8.38 (half up).
    expect(r.stdout).toBe(
      'Read a GCP billing export: 8 rows. 3 added, 1 updated, 0 already there. Summed rows of the same hub and ' +
        'month: alpha-hub 2025-11 (lines 2, 4, 5, 10). Not attributed to any hub, kept in ' +
        'costs/unattributed-cloud.yaml (cost nobody recovers; give the hub a billing project, account or tag in ' +
        'its partner.md): 2025-11 project unmapped-proj: 8.38 USD (lines 8, 9). Wrote ' +
        'costs/unattributed-cloud.yaml, partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    const alphaNovember =
      '- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n' +
      `- { month: 2025-11, hub: alpha-hub, billing_account: ${ACC1}, amount: 3123.65, currency: USD }\n`;
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(
      alphaNovember + `- { month: 2025-12, hub: alpha-hub, billing_account: ${ACC1}, amount: 5.50, currency: USD }\n`,
    );
    expect(read(root, 'partners/beta/cloud-costs.yaml')).toBe(
      '# Entered by hand before the export.\n' +
        `- { month: 2025-11, hub: beta-lab, amount: 100.12, currency: USD, billing_account: ${ACC1} }\n`,
    );
    const unattributed =
      '# Checked with finance.\n' +
      row('2025-10', ACC1, 'unmapped-proj', '3.00', 'USD') +
      row('2025-11', ACC1, 'unmapped-proj', '8.38', 'USD');
    expect(read(root, 'costs/unattributed-cloud.yaml')).toBe(unattributed);
    await again(root, november);

    // The second billing account's export of the same month, in CAD: the first account's rows are untouched.
    // alpha-hub 2025-11 (second account): 50 - 0.004 = 49.996 -> 50.00 CAD; unmapped-proj-2: 20.10 CAD.
    const second = fixture('gcp-billing-2025-11-second-account.csv');
    const r2 = await importFile(root, second, '--format', 'gcp');
    expect(r2.stdout).toBe(
      'Read a GCP billing export: 2 rows. 2 added, 0 updated, 0 already there. Not attributed to any hub, kept in ' +
        'costs/unattributed-cloud.yaml (cost nobody recovers; give the hub a billing project, account or tag in ' +
        'its partner.md): 2025-11 project unmapped-proj-2: 20.10 CAD (lines 3). Wrote ' +
        'costs/unattributed-cloud.yaml, partners/alpha/cloud-costs.yaml.\n',
    );
    expect(read(root, 'costs/unattributed-cloud.yaml')).toBe(
      unattributed + row('2025-11', ACC2, 'unmapped-proj-2', '20.10', 'CAD'),
    );
    const alphaBoth =
      alphaNovember +
      `- { month: 2025-12, hub: alpha-hub, billing_account: ${ACC1}, amount: 5.50, currency: USD }\n` +
      `- { month: 2025-11, hub: alpha-hub, billing_account: ${ACC2}, amount: 50.00, currency: CAD }\n`;
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(alphaBoth);
    await again(root, second);

    // The next month's export of the first account replaces its December, and leaves November as it is.
    // alpha-hub 2025-12: 7.25 - 0.25 = 7.00 (was 5.50); beta-lab 2025-12: 40.00.
    const december = fixture('gcp-billing-2025-12.csv');
    const r3 = await importFile(root, december, '--format', 'gcp');
    expect(r3.stdout).toBe(
      'Read a GCP billing export: 2 rows. 1 added, 1 updated, 0 already there. Wrote ' +
        'partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(alphaBoth.replace('amount: 5.50', 'amount: 7.00'));
    expect(read(root, 'partners/beta/cloud-costs.yaml')).toBe(
      '# Entered by hand before the export.\n' +
        `- { month: 2025-11, hub: beta-lab, amount: 100.12, currency: USD, billing_account: ${ACC1} }\n` +
        `- { month: 2025-12, hub: beta-lab, billing_account: ${ACC1}, amount: 40.00, currency: USD }\n`,
    );
    expect(read(root, 'costs/unattributed-cloud.yaml')).toContain('amount: 8.38');
    await again(root, december);
    // The files still validate: a hub billed by two accounts in one month is two entries, not a duplicate.
    expect((await runCli('validate', ['--root', root])).code).toBe(0);
  }, 180_000); // Ten runs of the command on a shared machine.

  it('refuses a cell it cannot read at file:line:column, counting lines right after a CRLF inside quotes', async () => {
    const root = data();
    const bad = join(tempDir(), 'bad.csv');
    const text = readFileSync(fixture('gcp-billing-2025-11.csv'), 'utf8')
      .replace(
        '"[{""name"":""Sustained use discount"",""amount"":-0.003456,""type"":""SUSTAINED_USAGE_DISCOUNT""}]"',
        'oops',
      )
      .replace('\r\n202511,adjustment,', '\r\n2025-11,adjustment,');
    writeFileSync(bad, text);
    const r = await importFile(root, bad, '--format', 'gcp');
    expect([r.code, r.stderr]).toEqual([
      1,
      'refused: nothing was imported:\n' +
        `  ${bad}:7:12: the credits 'oops' are not a JSON list of {name, amount, type} (column L, "credits")\n` +
        `  ${bad}:10:1: the invoice month '2025-11' is not a month written YYYYMM (column A, "invoice.month")\n`,
    ]);
    expect(files(root)).toEqual(['- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n', '', '']);
  });

  it('names --format gcp or aws when a provider export is given as the simple CSV', async () => {
    const root = data();
    const gcp = fixture('gcp-billing-2025-11.csv');
    expect((await importFile(root, gcp)).stderr).toBe(
      `refused: ${gcp} looks like GCP's billing export, not the simple month,hub,amount,currency CSV: import it ` +
        `with npm run import -- cloud-costs ${gcp} --format gcp\n`,
    );
    const ce = fixture('aws-cost-explorer.csv');
    expect((await importFile(root, ce)).stderr).toBe(
      `refused: ${ce} looks like an AWS bill (a CUR or Cost Explorer CSV), not the simple ` +
        `month,hub,amount,currency CSV: import it with npm run import -- cloud-costs ${ce} --format aws\n`,
    );
  });

  it('names at most 20 rows in its summary and counts the rest', async () => {
    const root = data();
    const big = join(tempDir(), 'many.csv');
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${ACC1},proj-${String(i).padStart(2, '0')},[],2025-11-02 00:00:00 UTC,1,USD,[],202511`,
    );
    writeFileSync(
      big,
      'billing_account_id,project.id,labels,usage_start_time,cost,currency,credits,invoice.month\n' + rows.join('\n'),
    );
    const r = await importFile(root, big, '--format', 'gcp');
    // 30 projects of no hub: 20 named, "and 10 more".
    expect(r.stdout).toContain('2025-11 project proj-19: 1.00 USD (lines 21); and 10 more. Wrote');
    expect(r.stdout.match(/project proj-/g)).toHaveLength(20);
  });
});

describe('AWS Cost and Usage Report 2.0', () => {
  it('reads its snake_case headings, its resource_tags map and the payer account as the billing account', async () => {
    const root = data();
    const cur = join(tempDir(), 'cur2.csv');
    writeFileSync(
      cur,
      'bill_payer_account_id,line_item_usage_account_id,line_item_usage_start_date,line_item_unblended_cost,' +
        'line_item_currency_code,resource_tags\n' +
        '999988887777,111122223333,2025-05-01T00:00:00Z,12.5,USD,"{""user_hub_name"":""alpha""}"\n' +
        '999988887777,444455556666,2025-05-31T23:00:00Z,3.10,USD,{}\n',
    );
    const r = await importFile(root, cur, '--format', 'aws');
    // alpha-hub by its tag: 12.50; beta-lab by its account 444455556666: 3.10; both billed to payer 999988887777.
    expect(r.stdout).toBe(
      'Read an AWS Cost and Usage Report: 2 rows. 2 added, 0 updated, 0 already there. Wrote ' +
        'partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    expect(read(root, 'partners/beta/cloud-costs.yaml')).toBe(
      '- { month: 2025-05, hub: beta-lab, billing_account: "999988887777", amount: 3.10, currency: USD }\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toContain(
      '- { month: 2025-05, hub: alpha-hub, billing_account: "999988887777", amount: 12.50, currency: USD }\n',
    );
  });
});

describe('AWS Cost Explorer "Download CSV", grouped by the hub-name tag', () => {
  it('reads one column per tag value, skips the total row, keeps the untagged column unattributed', async () => {
    const root = data();
    const ce = fixture('aws-cost-explorer.csv');
    const r = await importFile(root, ce, '--format', 'aws');
    // alpha($) -> alpha-hub (tag alpha): 2025-05 12.25, 2025-06 18.25; beta-lab($) -> beta-lab (its id): 2025-05
    // 3.10 (2025-06 empty: nothing); No tagkey: hub-name($): 2025-05 4.00 unattributed; "Tag total" skipped.
    expect(r.stdout).toBe(
      'Read an AWS Cost Explorer export: 3 rows (1 of them totals, skipped). 4 added, 0 updated, 0 already ' +
        'there. Not attributed to any hub, kept in costs/unattributed-cloud.yaml (cost nobody recovers; give the ' +
        'hub a billing project, account or tag in its partner.md): 2025-05 account (none): 4.00 USD (lines 3). ' +
        'Wrote costs/unattributed-cloud.yaml, partners/alpha/cloud-costs.yaml, partners/beta/cloud-costs.yaml.\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(
      '- { month: 2025-03, hub: alpha-hub, amount: 200.00, currency: USD }\n' +
        '- { month: 2025-05, hub: alpha-hub, amount: 12.25, currency: USD }\n' +
        '- { month: 2025-06, hub: alpha-hub, amount: 18.25, currency: USD }\n',
    );
    expect(read(root, 'partners/beta/cloud-costs.yaml')).toBe(
      '- { month: 2025-05, hub: beta-lab, amount: 3.10, currency: USD }\n',
    );
    expect(read(root, 'costs/unattributed-cloud.yaml')).toBe(
      '- { month: 2025-05, provider: aws, account: "(none)", amount: 4.00, currency: USD }\n',
    );
    await again(root, ce, 'aws');
  });

  it('refuses a period that is not a date, at its cell', async () => {
    const root = data();
    const bad = join(tempDir(), 'ce.csv');
    writeFileSync(
      bad,
      readFileSync(fixture('aws-cost-explorer.csv'), 'utf8').replace('"2025-06-01","18.25"', '"June","x"'),
    );
    const r = await importFile(root, bad, '--format', 'aws');
    expect(r.stderr).toBe(
      `refused: nothing was imported:\n  ${bad}:4:1: 'June' is not the date a period starts (column A, "tag")\n`,
    );
  });
});

/**
 * `npm run import -- crm-deals FILE.csv`: a CRM's deals export (test/fixtures/imports/crm-deals.csv) kept as
 * draft contracts of the authoring fixture's partners (alpha: Alpha University, US; beta: Beta Institute, CA).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy, replaceIn, tempDir } from './helpers/fixtures.js';

const EXPORT = join(FIXTURES, 'imports/crm-deals.csv');
const crm = (root: string, file = EXPORT) => runCli('import', ['crm-deals', file, '--root', root]);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const BETA = 'partners/beta/contracts/beta-deal-1001.yaml';
const ALPHA = 'partners/alpha/contracts/alpha-deal-1002.yaml';

const SKIPPED =
  'Skipped:\n' +
  "  - deal 1003 (Gamma College pilot): no partner is named 'Gamma College'; add it with npm run new -- partner, " +
  'or use its name or id\n' +
  '  - deal 1004 (Beta Institute workshops): lost, and no draft of it to close\n' +
  '  - deal 1005 (Alpha University add-on): the CRM has no contract start and end dates for it yet\n';
const WON =
  'Won in the CRM, still drafts until a person signs them off (set status: active and signed: DATE in the ' +
  'contract): alpha-deal-1002 (closed 2026-11-20).\n';

describe('npm run import -- crm-deals', () => {
  it('creates drafts by community name or id, never signs a won deal, and a second run changes nothing', async () => {
    const root = fixtureCopy('authoring');
    const r = await crm(root);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      '2 added, 0 updated, 0 already there.\nAdded draft contracts: beta-deal-1001, alpha-deal-1002.\n' +
        SKIPPED +
        WON +
        `Wrote ${ALPHA}, ${BETA}.\n`,
    );
    // Every probability in the file is at most 1, so they are fractions: 0.6 -> 60, 1 -> 100. Beta is in CA: CAD.
    expect(read(root, BETA)).toBe(
      '# Imported from CRM deal 1001; npm run import -- crm-deals keeps its dates, amount and probability.\n' +
        '# Check the billing and cloud terms before it is signed.\n' +
        'id: beta-deal-1001\npartner: beta\nkind: service-agreement\nstatus: draft\n' +
        'start: 2027-01-01\nend: 2028-12-31\ncurrency: CAD\nfees:\n' +
        '  - { id: deal, description: Beta Institute hosting 2027, amount: 24000.00, per: term }\n' +
        'cloud: { billing: included }\nbilling: { every: month, in: advance }\nprobability: 60\n' +
        'crm_deal_id: "1001"\n',
    );
    expect(read(root, ALPHA)).toContain('status: draft\n');
    expect(read(root, ALPHA)).toContain('amount: 30000.50, per: term }');
    expect(read(root, ALPHA)).toContain('probability: 100\n');

    const before = [read(root, ALPHA), read(root, BETA)];
    const again = await crm(root);
    expect(again.stdout).toBe(
      '0 added, 0 updated, 2 already there.\n' + SKIPPED + WON + 'Nothing to change: every deal is already recorded.\n',
    );
    expect([read(root, ALPHA), read(root, BETA)]).toEqual(before);
  });

  it('updates a draft from the CRM keeping its comments, closes a lost one and leaves a signed one alone', async () => {
    const root = fixtureCopy('authoring');
    await crm(root);
    replaceIn(root, BETA, 'probability: 60', 'probability: 60   # their board meets in December');
    // A person signs alpha's renewal.
    replaceIn(root, ALPHA, 'status: draft', 'status: active\nsigned: 2026-11-24');
    replaceIn(root, ALPHA, 'probability: 100\n', '');
    const changed = join(tempDir(), 'deals.csv');
    writeFileSync(
      changed,
      exportWith([
        '1001,Beta Institute hosting 2027,Contract sent,Sales,26000,2026-12-15,2027-02-01,2028-12-31,70,beta,Sam',
        '1002,Alpha University renewal,Closed Won,Sales,31000,2026-11-20,2027-03-01,2028-02-29,100,alpha,Sam',
      ]),
    );
    const r = await crm(root, changed);
    expect(r.stdout).toBe(
      '0 added, 1 updated, 0 already there.\n' +
        'Updated: beta-deal-1001 (start, probability, amount).\n' +
        'Skipped:\n' +
        '  - deal 1002 (Alpha University renewal): contract alpha-deal-1002 is signed; the CRM does not change a ' +
        'signed contract\n' +
        `Wrote ${BETA}.\n`,
    );
    // The percentages file (70 > 1): 70 %. The comment beside the probability stays.
    expect(read(root, BETA)).toContain('start: 2027-02-01\n');
    expect(read(root, BETA)).toContain('probability: 70   # their board meets in December\n');
    expect(read(root, BETA)).toContain('amount: 26000.00, per: term }');

    const lost = join(tempDir(), 'lost.csv');
    writeFileSync(
      lost,
      exportWith([
        '1001,Beta Institute hosting 2027,Closed Lost,Sales,26000,2026-12-15,2027-02-01,2028-12-31,0,beta,Sam',
      ]),
    );
    expect((await crm(root, lost)).stdout).toBe(
      `0 added, 1 updated, 0 already there.\nUpdated: beta-deal-1001 (probability).\nWrote ${BETA}.\n`,
    );
    expect(read(root, BETA)).toContain('probability: 0   # their board meets in December\n');
  });

  it('locates a row it cannot read at its cell and writes nothing', async () => {
    const root = fixtureCopy('authoring');
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(
      bad,
      exportWith([
        '1001,Beta Institute hosting 2027,Contract sent,Sales,"24,000",2026-12-15,2027-01-01,2028-12-31,0.6,beta,Sam',
        '1002,Alpha University renewal,Closed Won,Sales,30000,20/11/2026,2027-03-01,2028-02-29,1,alpha,Sam',
        '1002,Alpha University renewal,Closed Won,Sales,30000,2026-11-20,2027-03-01,2028-02-29,1,alpha,Sam',
      ]),
    );
    const r = await crm(root, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^refused: nothing was imported:\\n  ${bad}:2:5: amount '24,000': .*\\(column E, "amount"\\)\\n` +
          `  ${bad}:3:6: '20/11/2026' is not a date written YYYY-MM-DD \\(set the CRM's export to ISO dates\\) ` +
          `\\(column F, "close date"\\)\\n` +
          `  ${bad}:4:1: deal 1002 is already on line 3; keep one row per deal \\(column A, "deal id"\\)\\n$`,
      ),
    );
    expect(() => read(root, BETA)).toThrow();
  });
});

function exportWith(rows: string[]): string {
  return readFileSync(EXPORT, 'utf8').split('\n')[0] + '\n' + rows.join('\n') + '\n';
}

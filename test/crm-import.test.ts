/**
 * `npm run import -- crm-deals FILE.csv`: a CRM's deals export (test/fixtures/imports/crm-deals.csv) kept as
 * draft contracts of the authoring fixture's partners (alpha: Alpha University, US; beta: Beta Institute, CA).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy, REPO_ROOT, replaceIn, tempDir } from './helpers/fixtures.js';

const EXPORT = join(FIXTURES, 'imports/crm-deals.csv');
const crm = (root: string, file = EXPORT) => runCli('import', ['crm-deals', file, '--root', root]);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const BETA = 'partners/beta/contracts/beta-deal-1001.yaml';
const ALPHA = 'partners/alpha/contracts/alpha-deal-1002.yaml';

const SKIPPED =
  'Skipped:\n' +
  "  - deal 1003 (Gamma College pilot): no partner is named 'Gamma College', and no contract or hub carries " +
  "crm_deal_id 1003; the closest partners are Alpha University, Beta Institute (use one's name in the CRM, or " +
  'add the partner with npm run new -- partner)\n' +
  '  - deal 1004 (Beta Institute workshops): lost, and no draft of it to close\n' +
  '  - deal 1005 (Alpha University add-on): still early (stage Qualified to buy): the CRM has no start and end ' +
  'dates for it yet\n';
const WON =
  'Won in the CRM, still drafts until a person signs them off (set status: active and signed: DATE in the ' +
  'contract): alpha-deal-1002 (closed 2026-11-20).\n';

describe('npm run import -- crm-deals', () => {
  it('creates drafts by community name or id, never signs a won deal, and a second run changes nothing', async () => {
    const root = fixtureCopy('authoring');
    const r = await crm(root);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      '2 added, 0 updated, 0 already there, 3 skipped.\nAdded draft contracts: beta-deal-1001, alpha-deal-1002.\n' +
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
      '0 added, 0 updated, 2 already there, 3 skipped.\n' +
        SKIPPED +
        WON +
        'Nothing to change: every deal is already recorded.\n',
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
      '0 added, 1 updated, 0 already there, 1 skipped.\n' +
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
      `0 added, 1 updated, 0 already there, 0 skipped.\nUpdated: beta-deal-1001 (probability).\nWrote ${BETA}.\n`,
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

/**
 * HubSpot as it really writes deals: its export (test/fixtures/imports/hubspot-deals-export.csv: BOM, CRLF, quoted
 * commas and newlines, columns we do not read) and a CSV of its property names (hubspot-deals-properties.csv, as the
 * API and the team's sync write them). Alpha's hub carries the deal id of the workshops deal, and alpha's signed
 * contract alpha-2025 that of deal 9001 (payments recorded: 1000.00 + 400.00 = 1400.00).
 */
describe('npm run import -- crm-deals from HubSpot', () => {
  const HUBSPOT = join(FIXTURES, 'imports/hubspot-deals-export.csv');
  const PROPERTIES = join(FIXTURES, 'imports/hubspot-deals-properties.csv');
  const BETA_DRAFT = 'partners/beta/contracts/beta-deal-18023456701.yaml';
  const RENEWAL = 'partners/alpha/contracts/alpha-deal-18023456702.yaml';
  const WORKSHOPS = 'partners/alpha/contracts/alpha-deal-18023456705.yaml';

  function hubspotData(): string {
    const root = fixtureCopy('authoring');
    cpSync(join(REPO_ROOT, 'pricing'), join(root, 'pricing'), { recursive: true });
    replaceIn(
      root,
      'partners/alpha/partner.md',
      'launched: 2025-03-01 }',
      'launched: 2025-03-01, crm_deal_id: "18023456705" }',
    );
    replaceIn(
      root,
      'partners/alpha/contracts/alpha-2025.yaml',
      'hubs: [alpha-hub]\n',
      'hubs: [alpha-hub]\ncrm_deal_id: "9001"\n',
    );
    return root;
  }

  const COLLECTED =
    'Amount collected in the CRM differs from the payments recorded:\n' +
    '  - deal 18023456701 (Beta Institute, hosting 2027): the CRM says 2400.00 CAD collected; the payments ' +
    'recorded for beta-deal-18023456701 add up to 0.00 (record the difference of 2400.00)\n' +
    '  - deal 9001 (Alpha University hosting 2025): the CRM says 1500.00 USD collected; the payments recorded for ' +
    'alpha-2025 add up to 1400.00 (record the difference of 100.00)\n';
  const EXPORT_SKIPPED =
    'Skipped:\n' +
    '  - deal 18023456703 (Beta Institute research hub): still early (stage Appointment scheduled): the CRM has no ' +
    'amount and no start and end dates for it yet\n' +
    "  - deal 18023456704 (Gamma College pilot): no partner is named 'Gamma Colege', and no contract or hub carries " +
    "crm_deal_id 18023456704; the closest partners are Alpha University, Beta Institute (use one's name in the CRM, " +
    'or add the partner with npm run new -- partner)\n' +
    '  - deal 9001 (Alpha University hosting 2025): contract alpha-2025 is signed; the CRM does not change a signed ' +
    'contract\n' +
    '  - deal 18023456707 (Beta Institute workshops): lost, and no draft of it to close\n';
  const EXPORT_WON =
    'Won in the CRM, still drafts until a person signs them off (set status: active and signed: DATE in the ' +
    'contract): alpha-deal-18023456702 (closed 2026-11-20).\n';

  it("reads HubSpot's export: tier and kind from the revenue type, target dates, skips with reasons", async () => {
    const root = hubspotData();
    const r = await crm(root, HUBSPOT);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      '3 added, 0 updated, 0 already there, 4 skipped.\n' +
        'Added draft contracts: beta-deal-18023456701, alpha-deal-18023456702, alpha-deal-18023456705.\n' +
        EXPORT_SKIPPED +
        EXPORT_WON +
        COLLECTED +
        `Wrote ${RENEWAL}, ${WORKSHOPS}, ${BETA_DRAFT}.\n`,
    );
    // membership-general -> tier general; Beta is in Canada: CAD; Deal probability 0.9 -> 90.
    expect(read(root, BETA_DRAFT)).toBe(
      '# Imported from CRM deal 18023456701; npm run import -- crm-deals keeps its dates, amount and probability.\n' +
        '# Check the billing and cloud terms before it is signed.\n' +
        'id: beta-deal-18023456701\npartner: beta\nkind: service-agreement\ntier: general\nstatus: draft\n' +
        'start: 2027-01-01\nend: 2028-12-31\ncurrency: CAD\nfees:\n' +
        '  - { id: deal, description: "Beta Institute, hosting 2027", amount: 24000.00, per: term }\n' +
        'cloud: { billing: included }\nbilling: { every: month, in: advance }\nprobability: 90\n' +
        'crm_deal_id: "18023456701"\n',
    );
    // No contract dates: the target dates 2027-03-01..2028-02-29; membership-premier -> tier premier; won -> 100.
    expect(read(root, RENEWAL)).toContain(
      'kind: service-agreement\ntier: premier\nstatus: draft\nstart: 2027-03-01\nend: 2028-02-29\ncurrency: USD\n',
    );
    expect(read(root, RENEWAL)).toContain('amount: 30000.50, per: term }');
    expect(read(root, RENEWAL)).toContain('probability: 100\n');
    // No company: found by the hub carrying its deal id; revenue type project -> a statement of work.
    expect(read(root, WORKSHOPS)).toContain(
      'partner: alpha\nkind: statement-of-work\nstatus: draft\nstart: 2027-01-01\nend: 2027-06-30\n',
    );
    expect(read(root, WORKSHOPS)).toContain('amount: 8000.00, per: term }');
    expect(read(root, WORKSHOPS)).toContain('probability: 60\n');

    replaceIn(root, BETA_DRAFT, 'probability: 90\n', 'probability: 90   # board meets in December\n');
    const before = [read(root, BETA_DRAFT), read(root, RENEWAL), read(root, WORKSHOPS)];
    const again = await crm(root, HUBSPOT);
    expect(again.stdout).toBe(
      '0 added, 0 updated, 3 already there, 4 skipped.\n' +
        EXPORT_SKIPPED +
        EXPORT_WON +
        COLLECTED +
        'Nothing to change: every deal is already recorded.\n',
    );
    expect([read(root, BETA_DRAFT), read(root, RENEWAL), read(root, WORKSHOPS)]).toEqual(before);
  });

  it("reads HubSpot's property names: finds the partner by a contract's deal id, dates fall back", async () => {
    const root = hubspotData();
    await crm(root, HUBSPOT);
    replaceIn(root, BETA_DRAFT, 'probability: 90\n', 'probability: 90   # board meets in December\n');
    const r = await crm(root, PROPERTIES);
    expect([r.code, r.stderr]).toEqual([0, '']);
    // 18023456701 has no company column here: its draft carries the deal id. Its contract dates are blank, so the
    // target start 2027-02-01 is the start; hs_deal_stage_probability 0.8 -> 80; 26000 CAD. Deal 9001's
    // amount_collected 1400 equals the payments recorded: nothing to report.
    expect(r.stdout).toBe(
      '0 added, 1 updated, 1 already there, 2 skipped.\n' +
        'Updated: beta-deal-18023456701 (start, probability, amount).\n' +
        'Skipped:\n' +
        '  - deal 9001 (Alpha University hosting 2025): contract alpha-2025 is signed; the CRM does not change a ' +
        'signed contract\n' +
        '  - deal 18023456799 (Betta Institute add-on): the CRM names no company for it, and no contract or hub ' +
        'carries crm_deal_id 18023456799; the closest partners are Beta Institute, Alpha University (use ' +
        "one's name in the CRM, or add the partner with npm run new -- partner)\n" +
        `Wrote ${BETA_DRAFT}.\n`,
    );
    expect(read(root, BETA_DRAFT)).toContain('start: 2027-02-01\nend: 2028-12-31\n');
    expect(read(root, BETA_DRAFT)).toContain('amount: 26000.00, per: term }');
    expect(read(root, BETA_DRAFT)).toContain('probability: 80   # board meets in December\n');
    const once = read(root, BETA_DRAFT);
    expect((await crm(root, PROPERTIES)).stdout).toContain('0 added, 0 updated, 2 already there, 2 skipped.\n');
    expect(read(root, BETA_DRAFT)).toBe(once);
  });

  it("refuses a file without a column it needs, naming each system's headings for it", async () => {
    const root = hubspotData();
    const few = join(tempDir(), 'few.csv');
    writeFileSync(few, 'Record ID,Deal Stage\n1,Closed won\n');
    expect((await crm(root, few)).stderr).toBe(
      `refused: ${few}: the columns must include deal id (or record id, id, hs_object_id), deal name (or ` +
        'dealname), deal stage (or dealstage), amount (found record id, deal stage)\n',
    );
  });

  it('names at most 20 skipped deals and counts the rest', async () => {
    const root = hubspotData();
    const many = join(tempDir(), 'many.csv');
    const rows = Array.from({ length: 23 }, (_, i) => `${500 + i},Deal ${i},Contract sent,100,Nobody ${i}`);
    writeFileSync(many, ['Record ID,Deal Name,Deal Stage,Amount,Associated Company', ...rows].join('\n') + '\n');
    const r = await crm(root, many);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('0 added, 0 updated, 0 already there, 23 skipped.');
    expect(lines[1]).toBe('Skipped:');
    expect(lines[2]).toMatch(/^ {2}- deal 500 \(Deal 0\): no partner is named 'Nobody 0'/);
    expect(lines[21]).toMatch(/^ {2}- deal 519 \(Deal 19\): /);
    expect(lines.slice(22)).toEqual(['  - … and 3 more', 'Nothing to change: every deal is already recorded.', '']);
  });
});

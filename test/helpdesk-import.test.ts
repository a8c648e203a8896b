/**
 * `npm run import -- support FILE.csv`: a help desk's tickets export (test/fixtures/imports/helpdesk-tickets.csv)
 * kept as support requests of the authoring fixture's alpha, whose help-desk company is "Alpha Univ".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, fixtureCopy, replaceIn, tempDir } from './helpers/fixtures.js';

const EXPORT = join(FIXTURES, 'imports/helpdesk-tickets.csv');
const SUPPORT = 'partners/alpha/support.yaml';

function data(): string {
  const root = fixtureCopy('authoring');
  replaceIn(
    root,
    'partners/alpha/partner.md',
    'account_owner: alice\n',
    'account_owner: alice\nhelpdesk_company: Alpha Univ\ncontacts:\n' +
      '  - { name: Dana Lee, role: Research computing lead, labels: [representative] }\n' +
      '  - { name: Ravi Shah, role: Hub admin, labels: [technical] }\n',
  );
  return root;
}
const importTickets = (root: string, file = EXPORT) => runCli('import', ['support', file, '--root', root]);
const read = (root: string) => readFileSync(join(root, SUPPORT), 'utf8');

const SKIPPED =
  'Skipped:\n' +
  '  - ticket 4104: no partner is named \'Gamma College\'; give the partner helpdesk_company: "Gamma College" in ' +
  'its partner.md if it is one\n';

describe('npm run import -- support', () => {
  it('maps tickets by help-desk company or name, converts times to UTC, and a second run changes nothing', async () => {
    const root = data();
    const r = await importTickets(root);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`4 added, 0 updated, 0 already there, 1 skipped.\n${SKIPPED}Wrote ${SUPPORT}.\n`);
    // 4102's company is "alpha univ" (the helpdesk_company, case aside); 4103's created time 18:30 at +02:00 is
    // 16:30Z; Medium -> normal; "Good" -> 5, "Bad" -> 1; Time tracked 2:30 -> 2.5, 0:45 -> 0.75, 1.5 -> 1.5.
    expect(read(root)).toBe(
      '- { id: hd-4101, opened: 2025-05-02T15:00:00Z, acknowledged: 2025-05-05T14:30:00Z, resolved: ' +
        '2025-05-07T10:00:00Z, requester: Dana Lee, priority: high, hours: 2.5, csat: 5, source_id: "4101" }\n' +
        '- { id: hd-4102, opened: 2025-05-10T09:15:00Z, acknowledged: 2025-05-12T08:00:00Z, resolved: ' +
        '2025-05-12T11:45:00Z, requester: Dana Lee, priority: normal, hours: 0.75, csat: 5, source_id: "4102" }\n' +
        '- { id: hd-4103, opened: 2025-05-16T16:30:00Z, requester: Ravi Shah, priority: urgent, hours: 1, ' +
        'source_id: "4103" }\n' +
        '- { id: hd-4105, opened: 2025-05-21T13:00:00Z, acknowledged: 2025-05-21T16:00:00Z, resolved: ' +
        '2025-05-23T09:00:00Z, requester: Dana Lee, priority: normal, hours: 1.5, csat: 1, source_id: "4105" }\n',
    );
    // Ravi Shah is a contact but not a representative: written, with the warning.
    expect(r.stderr).toContain("'Ravi Shah' opened the request but is not labelled 'representative' at 'alpha'");
    const once = read(root);
    const again = await importTickets(root);
    expect(again.stdout).toBe(
      `0 added, 0 updated, 4 already there, 1 skipped.\n${SKIPPED}` +
        'Nothing to change: every ticket is already recorded.\n',
    );
    expect(read(root)).toBe(once);
  });

  it('updates what the help desk changed, keeping comments and the fields it does not own', async () => {
    const root = data();
    await importTickets(root);
    replaceIn(root, SUPPORT, 'priority: urgent,', 'priority: urgent, category: performance,');
    writeFileSync(join(root, SUPPORT), '# Tickets from the help desk, imported monthly.\n' + read(root));
    const later = join(tempDir(), 'tickets.csv');
    const lines = readFileSync(EXPORT, 'utf8').split('\n');
    lines[3] = lines[3]
      .replace(',Open,', ',Resolved,')
      .replace('2025-05-16T18:30:00+02:00,,,', '2025-05-16T18:30:00+02:00,2025-05-19 07:00:00,2025-05-20 10:00:00,')
      .replace(',1:00,', ',1:15,');
    writeFileSync(later, lines.join('\n'));
    const r = await importTickets(root, later);
    expect(r.stdout).toBe(
      '0 added, 1 updated, 3 already there, 1 skipped.\n' +
        `Updated: alpha/hd-4103 (acknowledged, resolved, hours).\n${SKIPPED}` +
        `Wrote ${SUPPORT}.\n`,
    );
    expect(read(root)).toContain('# Tickets from the help desk, imported monthly.\n');
    expect(read(root)).toContain(
      '- { id: hd-4103, opened: 2025-05-16T16:30:00Z, requester: Ravi Shah, priority: urgent, category: ' +
        'performance, hours: 1.25, source_id: "4103", acknowledged: 2025-05-19T07:00:00Z, resolved: ' +
        '2025-05-20T10:00:00Z }\n',
    );
  });

  it('locates a ticket it cannot read at its cell and writes nothing', async () => {
    const root = data();
    const bad = join(tempDir(), 'bad.csv');
    const lines = readFileSync(EXPORT, 'utf8').split('\n');
    lines[2] = lines[2].replace('2025-05-10 09:15:00', '10/05/2025 09:15');
    lines[5] = lines[5].replace(',Bad,', ',Meh,');
    writeFileSync(bad, lines.join('\n'));
    const r = await importTickets(root, bad);
    expect([r.code, r.stderr]).toEqual([
      1,
      'refused: nothing was imported:\n' +
        `  ${bad}:3:8: '10/05/2025 09:15' is not a date and time such as 2026-11-02 14:03:00 (taken as UTC) or ` +
        `2026-11-02T14:03:00+01:00 (column H, "created time")\n` +
        `  ${bad}:6:14: satisfaction 'Meh' is not a score from 1 to 5 or a survey answer such as Awesome ` +
        `(column N, "satisfaction rating")\n`,
    ]);
    expect(() => read(root)).toThrow();
  });
});

/**
 * Freshdesk's tickets export as it really is (test/fixtures/imports/freshdesk-tickets-export.csv: BOM, CRLF, a
 * quoted comma and a description over two lines, the columns we do not read). Company Name "Alpha Univ" is alpha's
 * helpdesk_company, "alpha university" its name.
 */
describe('npm run import -- support from Freshdesk', () => {
  const FRESHDESK = join(FIXTURES, 'imports/freshdesk-tickets-export.csv');
  const FD_SKIPPED =
    'Skipped:\n' +
    '  - ticket 5104: no partner is named \'Gamma College\'; give the partner helpdesk_company: "Gamma College" in ' +
    'its partner.md if it is one\n';
  // 5101 Closed: resolved at its Resolved time (not its Closed time); Time tracked 02:30 -> 2.5; Awesome -> 5.
  // 5102: Just Okay -> 3. 5103 Open: no resolved. 5105 Waiting on Customer: its old Resolved time is not a resolution.
  const IMPORTED =
    '- { id: hd-5101, opened: 2025-05-02T15:00:00Z, acknowledged: 2025-05-05T14:30:00Z, resolved: ' +
    '2025-05-07T10:00:00Z, requester: Dana Lee, priority: high, hours: 2.5, csat: 5, source_id: "5101" }\n' +
    '- { id: hd-5102, opened: 2025-05-10T09:15:00Z, acknowledged: 2025-05-12T08:00:00Z, resolved: ' +
    '2025-05-12T11:45:00Z, requester: Dana Lee, priority: normal, hours: 0.75, csat: 3, source_id: "5102" }\n' +
    '- { id: hd-5103, opened: 2025-05-16T18:30:00Z, requester: Ravi Shah, priority: urgent, source_id: "5103" }\n' +
    '- { id: hd-5105, opened: 2025-05-21T13:00:00Z, acknowledged: 2025-05-21T16:00:00Z, requester: Dana Lee, ' +
    'priority: normal, hours: 1.5, source_id: "5105" }\n';

  it("reads Freshdesk's export, and a second run changes nothing and keeps comments", async () => {
    const root = data();
    const r = await importTickets(root, FRESHDESK);
    expect([r.code, r.stdout]).toEqual([
      0,
      `4 added, 0 updated, 0 already there, 1 skipped.\n${FD_SKIPPED}Wrote ${SUPPORT}.\n`,
    ]);
    expect(read(root)).toBe(IMPORTED);
    writeFileSync(join(root, SUPPORT), '# From Freshdesk, monthly.\n' + read(root));
    const once = read(root);
    expect((await importTickets(root, FRESHDESK)).stdout).toBe(
      `0 added, 0 updated, 4 already there, 1 skipped.\n${FD_SKIPPED}` +
        'Nothing to change: every ticket is already recorded.\n',
    );
    expect(read(root)).toBe(once);
  });

  it('clears resolved and satisfaction of a re-opened ticket on the next import', async () => {
    const root = data();
    // The month before, 5102 was resolved with a rating; now Freshdesk says it is Open again (its old Resolved time
    // and rating still in the export's columns are not a resolution).
    await importTickets(root, FRESHDESK);
    const reopened = join(tempDir(), 'reopened.csv');
    writeFileSync(
      reopened,
      readFileSync(FRESHDESK, 'utf8').replace(',Resolved,Medium,', ',Open,Medium,').replace(',Just Okay,', ',,'),
    );
    replaceIn(root, SUPPORT, 'csat: 3, source_id: "5102" }', 'csat: 3, source_id: "5102" }   # asked for more seats');
    const r = await importTickets(root, reopened);
    expect(r.stdout).toBe(
      `0 added, 1 updated, 3 already there, 1 skipped.\nUpdated: alpha/hd-5102 (resolved, csat).\n${FD_SKIPPED}` +
        `Wrote ${SUPPORT}.\n`,
    );
    expect(read(root)).toContain(
      '- { id: hd-5102, opened: 2025-05-10T09:15:00Z, acknowledged: 2025-05-12T08:00:00Z, requester: Dana Lee, ' +
        'priority: normal, hours: 0.75, source_id: "5102" }   # asked for more seats\n',
    );
    const once = read(root);
    expect((await importTickets(root, reopened)).stdout).toContain('0 added, 0 updated, 4 already there, 1 skipped.\n');
    expect(read(root)).toBe(once);
  });
});

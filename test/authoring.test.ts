/**
 * The authoring commands, run as a person runs them, on a copy of
 * test/fixtures/authoring (files with comments). Each asserts the exact text
 * written — comments and untouched lines kept — and that the data stays valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixtureCopy, tempDir } from './helpers/fixtures.js';

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

async function run(root: string, script: string, args: string[]) {
  const r = await runCli(script, [...args, '--root', root]);
  return { ...r, valid: (await runCli('validate', ['--root', root, '--as-of', '2026-01-01'])).code === 0 };
}

/** What a command changed in a file: the lines removed and added, counting repeated lines. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const minus = (a: string[], b: string[]) => {
    const left = [...b];
    return a.filter((line) => {
      const i = left.indexOf(line);
      if (i === -1) return true;
      left.splice(i, 1);
      return false;
    });
  };
  const [a, b] = [before.split('\n'), after.split('\n')];
  return { removed: minus(a, b), added: minus(b, a) };
}

describe('npm run new', () => {
  it('adds a partner, then a contract for it', async () => {
    const root = fixtureCopy('authoring');
    let r = await run(root, 'new', [
      'partner',
      '--id',
      'gamma',
      '--name',
      'Gamma Lab, Inc.',
      '--type',
      'company',
      '--country',
      'US',
      '--owner',
      '@carol',
      '--first-contact',
      '2025-11-02',
    ]);
    expect(r.stdout).toBe(
      'Added partner gamma (Gamma Lab, Inc.) in stage lead.\nWrote partners/gamma/partner.md. Commit it and ' +
        'open a pull request (docs/guide.md).\n',
    );
    expect(read(root, 'partners/gamma/partner.md')).toBe(
      '---\nid: gamma\nname: "Gamma Lab, Inc."\ntype: company\ncountry: US\naccount_owner: carol\nstage: ' +
        'lead\nmilestones:\n  first_contact: 2025-11-02\n---\n\n# Gamma Lab, Inc.\n\nNotes about the ' +
        'relationship go here.\n',
    );
    r = await run(root, 'new', [
      'contract',
      '--partner',
      'gamma',
      '--start',
      '2026-02-01',
      '--end',
      '2027-01-31',
      '--fee',
      'hosting:2500/month:hub-service',
      '--billing',
      'quarter:advance',
      '--probability',
      '60',
    ]);
    expect(r.code).toBe(0);
    expect(read(root, 'partners/gamma/contracts/gamma-2026.yaml')).toBe(
      [
        'id: gamma-2026',
        'partner: gamma',
        'kind: service-agreement',
        'status: draft',
        'start: 2026-02-01',
        'end: 2027-01-31',
        'currency: USD',
        'fees:',
        '  - { id: hosting, description: Hosting, amount: 2500.00, per: month, service: hub-service }',
        'cloud: { billing: included }',
        'billing: { every: quarter, in: advance }',
        'probability: 60',
        '',
      ].join('\n'),
    );
    expect(r.valid).toBe(true);
  });

  it('adds a deliverable to a grant, keeping the comments', async () => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'grants/g1/deliverables.yaml');
    const r = await run(root, 'new', [
      'deliverable',
      '--grant',
      'g1',
      '--id',
      'final',
      '--title',
      'Final report',
      '--kind',
      'report',
      '--due',
      '2026-12-31',
      '--owner',
      'alice',
    ]);
    expect(r.code).toBe(0);
    expect(read(root, 'grants/g1/deliverables.yaml')).toBe(
      `${before}- id: final\n  kind: report\n  title: Final report\n  due: 2026-12-31\n  owner: alice\n  ` +
        `status: planned\n`,
    );
    expect(r.valid).toBe(true);
  });

  it('refuses a record that would be invalid, writing nothing', async () => {
    const root = fixtureCopy('authoring');
    const r = await run(root, 'new', [
      'contract',
      '--partner',
      'alpha',
      '--id',
      'alpha-bad',
      '--start',
      '2026-02-01',
      '--end',
      '2025-01-31',
      '--fee',
      'x:1/month',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused: nothing was written: the change would leave these errors');
    expect(r.stderr).toContain(
      'partners/alpha/contracts/alpha-bad.yaml\n  6:6  error  the end 2025-01-31 is before the start 2026-02-01',
    );
    expect(() => read(root, 'partners/alpha/contracts/alpha-bad.yaml')).toThrow();
  });

  it('names every missing flag when there is no terminal to ask at', async () => {
    const r = await runCli('new', ['partner', '--id', 'delta', '--root', fixtureCopy('authoring')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^usage: new partner needs --name \(.*\), --type \(.*\), --country \(.*\), --owner \(.*\)\n$/,
    );
  });
});

describe('npm run record', () => {
  it('records a payment and marks the invoice paid, comments kept', async () => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'partners/alpha/invoices.yaml');
    const r = await run(root, 'record', ['payment', '--invoice', 'A-2', '--amount', '600', '--date', '2025-06-01']);
    expect(r.stdout).toBe(
      'Recorded 600.00 USD received 2025-06-01 for A-2; it is now paid.\nWrote partners/alpha/invoices.yaml.\n',
    );
    const after = read(root, 'partners/alpha/invoices.yaml');
    expect(changedLines(before, after)).toEqual({
      removed: ['  status: sent'],
      added: ['  status: paid', '    - { date: 2025-06-01, amount: 600.00 }'],
    });
    expect(after).toContain('# April: partly paid, chasing the rest\n- number: A-2');
    expect(r.valid).toBe(true);
  });

  it('refuses a payment above what is owed', async () => {
    const root = fixtureCopy('authoring');
    const r = await run(root, 'record', ['payment', '--invoice', 'A-2', '--amount', '600.01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'refused: A-2 is for 1000.00 USD and 400.00 is already paid: 600.01 more would be too much\n',
    );
  });

  it('invoices the next billing period not yet invoiced', async () => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'partners/alpha/invoices.yaml');
    const r = await run(root, 'record', ['invoice', '--contract', 'alpha-2025', '--issued', '2025-05-01']);
    // March and April 2025 are invoiced: May is next, one month of 1000.
    expect(r.stdout).toBe(
      'Recorded invoice INV-2025-1001 to alpha for 2025-05-01 to 2025-05-31: 1000.00 USD.\nWrote ' +
        'partners/alpha/invoices.yaml.\n',
    );
    expect(read(root, 'partners/alpha/invoices.yaml')).toBe(
      `${before}- number: INV-2025-1001\n  contract: alpha-2025\n  issued: 2025-05-01\n  currency: USD\n  ` +
        `amount: 1000.00\n  period: { from: 2025-05-01, to: 2025-05-31 }\n  status: sent\n`,
    );
    expect(r.valid).toBe(true);
  });

  it('moves a partner to a new stage and sets the milestone, comments kept', async () => {
    const root = fixtureCopy('authoring');
    const r = await run(root, 'record', ['stage', '--partner', 'beta', '--to', 'negotiation', '--date', '2025-07-01']);
    // Negotiation opens with proposal_sent, which beta already has: it is kept.
    expect(r.stdout).toBe(
      'Moved beta to stage negotiation (milestone proposal_sent: 2025-07-01). The proposal_sent milestone ' +
        'was already 2025-06-01; it is left as it is.\nWrote partners/beta/partner.md.\n',
    );
    expect(read(root, 'partners/beta/partner.md')).toContain('stage: negotiation   # waiting on their budget\n');
    const r2 = await run(root, 'record', ['stage', '--partner', 'beta', '--to', 'onboarding', '--date', '2025-08-01']);
    expect(r2.code).toBe(0);
    expect(read(root, 'partners/beta/partner.md')).toBe(
      '---\nid: beta\nname: Beta Institute\ntype: nonprofit\ncountry: CA\naccount_owner: bob\nstage: ' +
        'onboarding   # waiting on their budget\nmilestones:\n  first_contact: 2025-05-01\n  proposal_sent: ' +
        '2025-06-01\n  contract_signed: 2025-08-01\n---\n',
    );
    expect(r2.valid).toBe(true);
  });

  it('marks a deliverable done with its evidence', async () => {
    const root = fixtureCopy('authoring');
    const before = read(root, 'grants/g1/deliverables.yaml');
    const r = await run(root, 'record', [
      'deliverable',
      '--grant',
      'g1',
      '--id',
      'thing',
      '--status',
      'done',
      '--date',
      '2026-06-01',
      '--evidence',
      'https://example.org/thing',
    ]);
    expect(r.code).toBe(0);
    expect(changedLines(before, read(root, 'grants/g1/deliverables.yaml'))).toEqual({
      removed: ['  status: planned'],
      added: ['  status: done', '  completed: 2026-06-01', '  evidence: https://example.org/thing'],
    });
    expect(r.valid).toBe(true);
  });
});

describe('npm run import', () => {
  it('merges usage, and a second identical import changes nothing', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'usage.csv');
    writeFileSync(csv, 'month,hub,active_users\n2025-03,alpha-hub,40\n2025-04,alpha-hub,55\n');
    const first = await run(root, 'import', ['usage', csv]);
    expect(first.stdout).toBe('1 added, 0 updated, 1 already there. Wrote partners/alpha/usage.yaml.\n');
    const once = read(root, 'partners/alpha/usage.yaml');
    expect(once).toBe(
      '# Monthly active users from the hub dashboard\n- { month: 2025-03, hub: alpha-hub, active_users: 40 ' +
        '}\n- { month: 2025-04, hub: alpha-hub, active_users: 55 }\n',
    );
    const second = await run(root, 'import', ['usage', csv]);
    expect(second.stdout).toBe(
      '0 added, 0 updated, 2 already there. Nothing to change: every row is already recorded.\n',
    );
    expect(read(root, 'partners/alpha/usage.yaml')).toBe(once);
    expect(second.valid).toBe(true);
  });

  it('updates a changed cloud cost and adds new ones, idempotently', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'costs.csv');
    writeFileSync(csv, 'month,hub,amount,currency\n2025-03,alpha-hub,210.5,USD\n2025-04,alpha-hub,190,USD\n');
    expect((await run(root, 'import', ['cloud-costs', csv])).stdout).toBe(
      '1 added, 1 updated, 0 already there. Wrote partners/alpha/cloud-costs.yaml.\n',
    );
    const once = read(root, 'partners/alpha/cloud-costs.yaml');
    expect(once).toBe(
      '- { month: 2025-03, hub: alpha-hub, amount: 210.50, currency: USD }\n- { month: 2025-04, hub: ' +
        'alpha-hub, amount: 190.00, currency: USD }\n',
    );
    expect((await run(root, 'import', ['cloud-costs', csv])).stdout).toBe(
      '0 added, 0 updated, 2 already there. Nothing to change: every row is already recorded.\n',
    );
    expect(read(root, 'partners/alpha/cloud-costs.yaml')).toBe(once);
  });

  it('refuses a file with an unknown hub, naming the row', async () => {
    const root = fixtureCopy('authoring');
    const csv = join(tempDir(), 'usage.csv');
    writeFileSync(csv, 'month,hub,active_users\n2025-05,alpha-hub,1\n2025-05,alpha-hb,2\n');
    const r = await run(root, 'import', ['usage', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `refused: nothing was imported:\n  ${csv}:3:2: hub 'alpha-hb' is not a hub of any partner (hubs are ` +
        `listed in each partners/<id>/partner.md) (column B, "hub")\n`,
    );
    expect(read(root, 'partners/alpha/usage.yaml')).toBe(read(fixtureCopy('authoring'), 'partners/alpha/usage.yaml'));
  });
});

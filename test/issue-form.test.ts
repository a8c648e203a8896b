/**
 * Issue forms → changes: real-shaped GitHub `issues` events (test/fixtures/issue-events/, bodies as GitHub
 * renders a form) give exactly the change the equivalent command gives, or the field to fix.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FORMS, formOf, givenOf, parseBody } from '../scripts/lib/edit/issue-form.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, REPO_ROOT, readTree, sampleCopy } from './helpers/fixtures.js';

const EVENTS = join(FIXTURES, 'issue-events');
const event = (name: string) => join(EVENTS, `${name}.json`);

async function fromIssue(name: string, root: string) {
  const r = await runCli('from-issue', ['--event', event(name), '--root', root]);
  expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return { code: r.code, out: JSON.parse(r.stdout) as Record<string, unknown> };
}

/** Each form's event, and the command a person would type for the same change. */
const SAME_AS: [string, string, string[]][] = [
  [
    'payment-received',
    'record',
    ['payment', '--invoice', 'INV-2026-1059', '--amount', '1900.00', '--date', '2026-02-10'],
  ],
  [
    'contract-signed',
    'new',
    [
      'contract',
      '--partner',
      'civic-data',
      '--signed',
      '2026-11-20',
      '--start',
      '2027-01-01',
      '--end',
      '2027-12-31',
      '--fee',
      'hosting:2500/month:hub-service',
      '--fee',
      'support:3000/quarter:core-support',
      '--billing',
      'quarter:advance',
      '--notice-days',
      '60',
      '--document',
      'https://contracts.example.org/civic-data-2027.pdf',
    ],
  ],
  [
    'new-lead',
    'new',
    [
      'partner',
      '--id',
      'harbour-technical-college',
      '--name',
      'Harbour Technical College',
      '--type',
      'university',
      '--country',
      'CA',
      '--owner',
      'maria-chen',
      '--first-contact',
      '2026-11-03',
    ],
  ],
  [
    'deliverable-update',
    'record',
    [
      'deliverable',
      '--grant',
      'sf-hub-scale',
      '--id',
      'teaching-playbook',
      '--status',
      'done',
      '--date',
      '2026-11-18',
      '--evidence',
      'https://docs.example.org/teaching-playbook',
    ],
  ],
  [
    'support-request',
    'record',
    [
      'support',
      '--partner',
      'leap',
      '--opened',
      '2026-11-20 09:00',
      '--priority',
      'high',
      '--requester',
      'Priya Natarajan',
      '--category',
      'access',
    ],
  ],
  [
    'training-held',
    'record',
    [
      'training',
      '--partner',
      'leap',
      '--title',
      'Scaling with Dask',
      '--kind',
      'workshop',
      '--attendees',
      '12',
      '--date',
      '2026-11-18',
      '--materials',
      'https://slides.example.org/dask',
    ],
  ],
  [
    'survey-answer',
    'record',
    [
      'feedback',
      '--partner',
      'uni-north',
      '--survey',
      '2026-q4',
      '--kind',
      'nps',
      '--score',
      '9',
      '--date',
      '2026-11-19',
      '--role',
      'Research computing lead',
      '--comment',
      'Very happy with the hub.\nThe GPU queue could be shorter.',
    ],
  ],
];

describe('a filled form', () => {
  it.each(SAME_AS)(
    '%s makes exactly the change of npm run %s',
    async (name, script, args) => {
      const viaForm = sampleCopy();
      const viaCli = sampleCopy();
      const before = readTree(viaForm);
      const { code, out } = await fromIssue(name, viaForm);
      expect(out.ok).toBe(true);
      expect(out.branch).toMatch(/^issue-\d+$/);
      expect(code).toBe(0);
      const cli = await runCli(script, [...args, '--root', viaCli]);
      expect(cli.code, cli.stderr).toBe(0);
      // A signed first contract also moves the partner to onboarding, as the form's checkbox asks.
      if (name === 'contract-signed') {
        const stage = ['stage', '--partner', 'civic-data', '--to', 'onboarding', '--date', '2026-11-20'];
        expect((await runCli('record', [...stage, '--root', viaCli])).code).toBe(0);
      }
      const after = readTree(viaForm);
      expect(after).toEqual(readTree(viaCli));
      const changed = Object.keys(after)
        .filter((f) => after[f] !== before[f])
        .sort();
      expect(out.files).toEqual(changed);
      expect(out.body).toContain(`Closes #${String(out.branch).slice('issue-'.length)}`);
    },
    60_000,
  );

  it('keeps the comments of the file it changes', async () => {
    const root = sampleCopy();
    const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    const before = readFileSync(join(root, 'partners/leap/support.yaml'), 'utf8');
    expect((await fromIssue('support-request', root)).out.ok).toBe(true);
    expect(comments(readFileSync(join(root, 'partners/leap/support.yaml'), 'utf8'))).toEqual(comments(before));
  }, 30_000);
});

describe('a form that cannot be turned into a change', () => {
  it.each([
    ['payment-bad-amount', 'Amount received', /“Amount received” '12,5x': 'amount' must be a number/],
    ['payment-no-invoice', 'Invoice number', /^“Invoice number” is required/],
    ['payment-mistyped-invoice', 'Invoice number', /no invoice 'INV-2026-1095'\. Did you mean 'INV-2026-1065'\?/],
    ['contract-mistyped-partner', 'Partner id', /no partner 'civic-dat'\. Did you mean 'civic-data'\?/],
  ])(
    '%s: nothing is written, and the comment names the field “%s”',
    async (name, field, message) => {
      const root = sampleCopy();
      const before = readTree(root);
      const { code, out } = await fromIssue(name, root);
      expect(code).toBe(1);
      expect(out).toMatchObject({ ok: false, field });
      expect(out.message).toMatch(message);
      expect(out.comment).toContain(`Fix the field “${field}”`);
      expect(readTree(root)).toEqual(before);
    },
    30_000,
  );

  it.each([
    ['payment-outsider', /@drive-by cannot change the records from an issue: only people with write access/],
    ['payment-edited-by-other', /edited by @someone-else, not by its author @maria-chen/],
  ])(
    '%s is refused with a comment, not a change',
    async (name, message) => {
      const root = sampleCopy();
      const before = readTree(root);
      const { code, out } = await fromIssue(name, root);
      expect(code).toBe(1);
      expect(out).toMatchObject({ ok: false, refused: true });
      expect(out.comment).toMatch(message);
      expect(readTree(root)).toEqual(before);
    },
    30_000,
  );
});

describe('an edited issue', () => {
  it('gives the same change again on the same data (the workflow always starts from the default branch)', async () => {
    const opened = sampleCopy();
    const edited = sampleCopy();
    const a = (await fromIssue('payment-received', opened)).out;
    const b = (await fromIssue('payment-received-edited', edited)).out;
    expect(b).toEqual(a);
    expect(readTree(edited)).toEqual(readTree(opened));
  }, 60_000);
});

describe('hostile text in a form', () => {
  it('is stored as the data it is and runs nothing', async () => {
    const root = sampleCopy();
    const marker = '/tmp/ops-pwned';
    expect(existsSync(marker)).toBe(false);
    const before = readTree(root);
    const { out } = await fromIssue('survey-hostile', root);
    expect(out).toMatchObject({ ok: true, files: ['partners/uni-north/feedback.yaml'] });
    const after = readTree(root);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual(['partners/uni-north/feedback.yaml']);
    const feedback = parse(after['partners/uni-north/feedback.yaml']) as Record<string, unknown>[];
    const body = (JSON.parse(readFileSync(event('survey-hostile'), 'utf8')) as { issue: { body: string } }).issue.body;
    const written = feedback.at(-1)!;
    // The `### Score` typed inside the comment is text, not a second score.
    expect(written.score).toBe(7);
    expect(written.comment).toBe(body.slice(body.indexOf('### What they wrote\n\n') + 21).trim());
    expect(written.role).toBe('"; touch /tmp/ops-pwned; echo "');
    expect(existsSync(marker)).toBe(false);
  }, 30_000);
});

describe('reading a form', () => {
  const payment = FORMS.find((f) => f.label === 'payment')!;
  const issue = { number: 7, createdAt: '2026-11-20T14:05:09Z', author: 'maria-chen' };

  it('treats _No response_ in an optional field as left out (the default applies)', () => {
    const body = '### Invoice number\n\nINV-1\n\n### Amount received\n\n10\n\n### Received on\n\n_No response_';
    expect(parseBody(body, payment).has('Received on')).toBe(false);
    expect(givenOf(payment, body, issue)).toEqual({ invoice: 'INV-1', amount: '10', date: '2026-11-20' });
  });

  it('reads Windows line endings and a ticked checkbox', () => {
    const contract = FORMS.find((f) => f.label === 'contract')!;
    const body =
      '### Partner id\r\n\r\nleap\r\n\r\n### Signed on\r\n\r\n2026-01-01\r\n\r\n' +
      '### First day\r\n\r\n2026-01-01\r\n\r\n' +
      '### Last day\r\n\r\n2026-12-31\r\n\r\n### Fees\r\n\r\na:1/month\r\nb:2/year\r\n\r\n' +
      '### Renewal\r\n\r\n- [X] The contract renews by itself at the end of the term.\r\n\r\n' +
      '### Partner stage\r\n\r\n- [ ] Move the partner to onboarding on the signing date (a first contract).';
    expect(givenOf(contract, body, issue)).toMatchObject({ fee: ['a:1/month', 'b:2/year'], 'auto-renew': true });
    expect(givenOf(contract, body, issue)).not.toHaveProperty('to-onboarding');
  });

  it('finds the form by its label, else by the title the template sets', () => {
    expect(formOf(['bug', 'payment'], 'anything')?.label).toBe('payment');
    expect(formOf([], 'Payment received: INV-1')?.label).toBe('payment');
    expect(formOf(['bug'], 'The hub is down')).toBeUndefined();
  });

  it('by the title when the label could not be set', async () => {
    const root = sampleCopy();
    expect((await fromIssue('payment-no-label', root)).out).toMatchObject({ ok: true, branch: 'issue-46' });
  }, 30_000);
});

describe('the issue templates', () => {
  const dir = join(REPO_ROOT, '.github/ISSUE_TEMPLATE');
  const templates = readdirSync(dir)
    .filter((f) => f !== 'config.yml')
    .map((file) => ({
      file,
      form: parse(readFileSync(join(dir, file), 'utf8')) as {
        title: string;
        labels: string[];
        body: { type: string; id?: string; attributes: { label?: string; options?: unknown[] } }[];
      },
    }));

  it('are one for each form, with its label, title and exactly its fields', () => {
    expect(templates.map((t) => t.form.labels.find((l) => FORMS.some((f) => f.label === l))).sort()).toEqual(
      FORMS.map((f) => f.label).sort(),
    );
    for (const { file, form } of templates) {
      const def = formOf(form.labels, '')!;
      expect(form.title.trim(), file).toBe(def.titlePrefix);
      const fields = form.body.filter((b) => b.type !== 'markdown');
      expect(fields.map((b) => b.attributes.label).sort(), file).toEqual(def.fields.map((f) => f.label).sort());
      for (const f of def.fields) {
        const b = fields.find((x) => x.attributes.label === f.label)!;
        expect(b.type === 'checkboxes', `${file}: ${f.label}`).toBe(Boolean(f.checkbox));
      }
    }
  });
});

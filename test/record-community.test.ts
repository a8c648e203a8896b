/** npm run record -- support|training|feedback: comments kept, ids numbered, nothing invalid written. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixtureCopy } from './helpers/fixtures.js';

const record = (root: string, args: string[]) => runCli('record', [...args, '--root', root]);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('npm run record -- support', () => {
  it('adds requests with the next id and updates one, keeping the comments', async () => {
    const root = fixtureCopy('base');
    writeFileSync(join(root, 'partners/alpha/support.yaml'), '# Support requests of Alpha.\n');
    const add = await record(root, [
      'support',
      '--partner',
      'alpha',
      '--opened',
      '2025-05-30 15:00',
      '--priority',
      'high',
      '--requester',
      'Ada Lee',
    ]);
    expect(add.stdout).toBe(
      'Added support request alpha/sr-001, opened 2025-05-30T15:00:00Z, priority high.\n' +
        'Wrote partners/alpha/support.yaml.\n',
    );
    await record(root, ['support', '--partner', 'alpha', '--opened', '2025-06-02T08:00:00+02:00']);
    const update = await record(root, [
      'support',
      '--partner',
      'alpha',
      '--id',
      'sr-001',
      '--acknowledged',
      '2025-06-02T15:00:00Z',
      '--hours',
      '1.5',
      '--csat',
      '4',
    ]);
    expect(update.stdout).toBe(
      'Updated alpha/sr-001: acknowledged, hours, csat.\nWrote partners/alpha/support.yaml.\n',
    );
    expect(read(root, 'partners/alpha/support.yaml')).toBe(
      '# Support requests of Alpha.\n' +
        '- { id: sr-001, opened: 2025-05-30T15:00:00Z, priority: high, requester: Ada Lee, acknowledged: ' +
        '2025-06-02T15:00:00Z, hours: 1.5, csat: 4 }\n' +
        '- { id: sr-002, opened: 2025-06-02T06:00:00Z, priority: normal }\n',
    );
  });

  it('refuses a resolution before the opening and a rating of 6, writing nothing', async () => {
    const root = fixtureCopy('base');
    await record(root, ['support', '--partner', 'alpha', '--opened', '2025-05-30T15:00:00Z']);
    const before = read(root, 'partners/alpha/support.yaml');
    const early = await record(root, [
      'support',
      '--partner',
      'alpha',
      '--id',
      'sr-001',
      '--resolved',
      '2025-05-29T15:00:00Z',
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('the request is resolved (2025-05-29T15:00:00Z) before it was opened');
    const six = await record(root, ['support', '--partner', 'alpha', '--id', 'sr-001', '--csat', '6']);
    expect([six.code, six.stderr]).toEqual([2, "usage: --csat '6': a whole number from 1 to 5\n"]);
    expect(read(root, 'partners/alpha/support.yaml')).toBe(before);
  });
});

describe('npm run record -- training and feedback', () => {
  it('adds a session and a CSAT response after the existing ones', async () => {
    const root = fixtureCopy('base');
    const t = await record(root, [
      'training',
      '--partner',
      'alpha',
      '--date',
      '2025-06-03',
      '--title',
      'Notebooks for teaching',
      '--kind',
      'workshop',
      '--attendees',
      '18',
      '--hub',
      'alpha-hub',
    ]);
    expect(t.stdout).toBe(
      'Added workshop session "Notebooks for teaching" for alpha on 2025-06-03, 18 attendees.\n' +
        'Wrote partners/alpha/training.yaml.\n',
    );
    expect(read(root, 'partners/alpha/training.yaml')).toBe(
      '- { date: 2025-06-03, title: Notebooks for teaching, kind: workshop, attendees: 18, hub: alpha-hub }\n',
    );
    const f = await record(root, [
      'feedback',
      '--partner',
      'alpha',
      '--survey',
      '2025-q2-update',
      '--kind',
      'csat',
      '--score',
      '5',
      '--touchpoint',
      'quarterly-update',
      '--date',
      '2025-06-03',
    ]);
    expect(f.stdout).toBe(
      'Added CSAT response 5 to 2025-q2-update for alpha (2025-06-03).\nWrote partners/alpha/feedback.yaml.\n',
    );
    expect(read(root, 'partners/alpha/feedback.yaml')).toBe(
      '- { survey: 2025-q1, date: 2025-03-28, score: 9 }\n' +
        '- { survey: 2025-q2-update, date: 2025-06-03, kind: csat, touchpoint: quarterly-update, score: 5 }\n',
    );
    const hub = await record(root, [
      'training',
      '--partner',
      'alpha',
      '--title',
      'x',
      '--kind',
      'webinar',
      '--attendees',
      '3',
      '--hub',
      'alpha-hb',
      '--date',
      '2025-06-03',
    ]);
    expect(hub.code).toBe(1);
    expect(hub.stderr).toContain('alpha-hb');
  });
});

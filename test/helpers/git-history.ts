/**
 * A temporary git repository with a scripted history of known authors and
 * dates, starting from test/fixtures/base:
 *   1. 2026-01-05 Alice Admin  — the base data (partners alpha, beta; grant g1)
 *   2. 2026-02-10 Bob Books    — add partner gamma
 *   3. 2026-03-03 Alice Admin  — alpha-2025 hosting fee 1000 → 1200
 *   4. 2026-04-20 Carol Contracts — terminate alpha-2025 on 2026-04-30
 *   5. 2026-05-02 Bob Books    — invoice A-2 fully paid
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureCopy } from './fixtures.js';

export interface ScriptedHistory {
  dir: string;
  /** Full commit ids, oldest first. */
  commits: string[];
}

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}

function commit(dir: string, message: string, author: string, date: string): string {
  const [name, email] = [author, `${author.split(' ')[0].toLowerCase()}@example.org`];
  const when = `${date}T12:00:00Z`;
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: when,
  });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

function edit(dir: string, path: string, from: string, to: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no '${from}'`);
  writeFileSync(file, text.replace(from, to));
}

export function scriptedHistory(): ScriptedHistory {
  const dir = fixtureCopy('base');
  git(dir, ['init', '-q', '-b', 'main']);
  const commits = [commit(dir, 'Add the base data', 'Alice Admin', '2026-01-05')];

  mkdirSync(join(dir, 'partners/gamma'));
  writeFileSync(
    join(dir, 'partners/gamma/partner.md'),
    '---\nid: gamma\nname: Gamma Lab\ntype: company\ncountry: US\naccount_owner: bob\nstage: ' +
      'lead\nmilestones:\n  first_contact: 2026-02-09\n---\n',
  );
  commits.push(commit(dir, 'Add partner gamma', 'Bob Books', '2026-02-10'));

  edit(dir, 'partners/alpha/contracts/alpha-2025.yaml', 'amount: 1000, per: month', 'amount: 1200, per: month');
  commits.push(commit(dir, 'Raise the alpha hosting fee', 'Alice Admin', '2026-03-03'));

  edit(dir, 'partners/alpha/contracts/alpha-2025.yaml', 'status: active', 'status: terminated');
  edit(dir, 'partners/alpha/contracts/alpha-2025.yaml', 'end: 2027-02-28', 'end: 2027-02-28\nterminated: 2026-04-30');
  commits.push(commit(dir, 'Terminate alpha-2025', 'Carol Contracts', '2026-04-20'));

  edit(dir, 'partners/alpha/invoices.yaml', 'status: sent', 'status: paid');
  edit(
    dir,
    'partners/alpha/invoices.yaml',
    '{ date: 2025-04-20, amount: 400.00 }',
    '{ date: 2025-04-20, amount: 400.00 }\n    - { date: 2026-05-01, amount: 600.00 }',
  );
  commits.push(commit(dir, 'Record the rest of A-2', 'Bob Books', '2026-05-02'));
  return { dir, commits };
}

/** The GitHub workflows: valid against GitHub's schema, locked down, and their npm steps work here. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, tempDir } from './helpers/fixtures.js';
import { git } from './helpers/git-history.js';

const DIR = join(REPO_ROOT, '.github/workflows');
const workflows = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));
type Step = { uses?: string; run?: string; env?: Record<string, string> };
type Job = { permissions?: unknown; steps: Step[] };
const jobsOf = (text: string) => Object.values((parse(text) as { jobs: Record<string, Job> }).jobs);

describe('workflow files', () => {
  it.each(workflows)('$file is valid against the GitHub workflow schema', ({ text }) => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it.each(workflows)('$file pins every action to a full commit and grants each job only what it needs', ({ text }) => {
    const w = parse(text) as { on: Record<string, unknown>; permissions: unknown; concurrency: unknown };
    expect(Object.keys(w.on)).not.toContain('pull_request_target');
    expect(w.permissions).toEqual({});
    expect(w.concurrency).toBeDefined();
    for (const job of jobsOf(text)) {
      expect(job.permissions).toBeDefined();
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        if (step.uses?.startsWith('actions/setup-node'))
          expect(step).toMatchObject({ with: { 'node-version-file': '.nvmrc' } });
      }
    }
  });
});

describe('the workflows npm steps, run here on the sample data', () => {
  it('succeed', () => {
    // A copy of this repository (as it is now) with two commits, so that the diff step has a base. Not its published
    // reports: the reports step writes its own, and `npm run report` may have just rewritten them (a page it removed
    // is still in git's index). Not node_modules either: linked below (in a git worktree it is a link git lists).
    const copy = tempDir('ops-workflow-');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.startsWith('reports/') && f !== 'node_modules' && existsSync(join(REPO_ROOT, f)));
    // Times kept, and the build copied too: the steps run the commands from it, as after CI's npm ci.
    for (const f of files) {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      cpSync(join(REPO_ROOT, f), join(copy, f), { preserveTimestamps: true });
    }
    if (existsSync(join(REPO_ROOT, 'dist')))
      cpSync(join(REPO_ROOT, 'dist'), join(copy, 'dist'), { recursive: true, preserveTimestamps: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
    const who = {
      GIT_AUTHOR_NAME: 'ci',
      GIT_AUTHOR_EMAIL: 'ci@example.org',
      GIT_COMMITTER_NAME: 'ci',
      GIT_COMMITTER_EMAIL: 'ci@example.org',
    };
    git(copy, ['init', '-q', '-b', 'main']);
    git(copy, ['add', '-A']);
    git(copy, ['commit', '-qm', 'base'], who);
    const fees = join(copy, 'partners/leap/contracts/leap-2026.yaml');
    writeFileSync(
      fees,
      readFileSync(fees, 'utf8').replace('amount: 16500, per: quarter', 'amount: 18000, per: quarter'),
    );
    git(copy, ['commit', '-qam', 'raise a fee'], who);

    const summary = join(copy, 'summary.md');
    const env = {
      ...process.env,
      CI: 'true',
      GITHUB_STEP_SUMMARY: summary,
      BASE_SHA: git(copy, ['rev-parse', 'HEAD~1']).trim(),
    };
    const steps = workflows.flatMap(({ text }) => jobsOf(text).flatMap((j) => j.steps.map((s) => s.run ?? '')));
    // npm ci is the install this suite already runs in; npm test would run this suite again, and npm run typecheck
    // is the tsc that npm test runs before it.
    const npmSteps = steps.filter((run) => run.startsWith('npm run') && run !== 'npm run typecheck');
    expect(npmSteps.length).toBeGreaterThanOrEqual(4);
    for (const run of npmSteps) {
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', run], { cwd: copy, env, encoding: 'utf8' });
      expect(r.status, `${run}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    // Raising a signed fee makes the invoices already sent for it (22,500 a quarter, without lines) ask less than
    // the fee now comes to: two warnings, no error, so the check passes and says why.
    const check = readFileSync(summary, 'utf8');
    expect(check).toContain('### Data check: 0 errors, 2 warnings');
    expect(check.match(/`invoice-amount-mismatch`/g)).toHaveLength(2);
    expect(readFileSync(join(copy, 'figure-diff.md'), 'utf8')).toContain('| Monthly recurring revenue (MRR) |');
  });
});

describe('issue forms', () => {
  const dir = join(REPO_ROOT, '.github/ISSUE_TEMPLATE');
  it.each(readdirSync(dir).filter((f) => f !== 'config.yml'))('%s is a well-formed issue form', (file) => {
    const form = parse(readFileSync(join(dir, file), 'utf8')) as {
      name: string;
      description: string;
      body: { type: string; id?: string }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const ids = form.body.filter((b) => b.type !== 'markdown').map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(Boolean)).toBe(true);
  });
});

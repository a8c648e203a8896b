/** The issue-form workflow: valid, locked down, the issue's text never in a command line, its steps run here. */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, REPO_ROOT, tempDir } from './helpers/fixtures.js';
import { git } from './helpers/git-history.js';

const FILE = join(REPO_ROOT, '.github/workflows/issue-form.yml');
const text = readFileSync(FILE, 'utf8');
type Step = { run?: string; env?: Record<string, string> };
const workflow = parse(text) as {
  on: unknown;
  permissions: unknown;
  jobs: Record<string, { permissions: unknown; steps: Step[] }>;
};
const job = workflow.jobs.change;
const runs = job.steps.flatMap((s) => (s.run ? [s.run] : []));

describe('the issue-form workflow', () => {
  it('passes action-validator', () => {
    const r = spawnSync(join(REPO_ROOT, 'node_modules/.bin/action-validator'), [FILE], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('runs on opened and edited issues with only the permissions it needs', () => {
    expect(workflow.on).toEqual({ issues: { types: ['opened', 'edited'] } });
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
  });

  it('never writes the issue into a run: line (it reaches the commands as the event file)', () => {
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const run of runs) expect(run).not.toContain('${{');
    expect(runs.join('\n')).toContain('npm run -s from-issue -- --event "$GITHUB_EVENT_PATH"');
  });
});

describe('the workflow steps, run here with a stand-in for gh and a local origin', () => {
  /** A clone of a repository holding this tool and its sample data, with `origin` a bare repository. */
  function checkout() {
    const dir = tempDir('ops-issue-wf-');
    const origin = join(dir, 'origin.git');
    const work = join(dir, 'work');
    for (const p of ['package.json', 'tsconfig.json', 'bin', 'scripts', 'schemas', 'templates', 'ops.config.yaml']) {
      if (existsSync(join(REPO_ROOT, p))) cpSync(join(REPO_ROOT, p), join(work, p), { recursive: true });
    }
    for (const p of ['partners', 'grants', 'costs', 'pricing'])
      cpSync(join(REPO_ROOT, p), join(work, p), { recursive: true });
    writeFileSync(join(work, '.gitignore'), 'node_modules\n');
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(work, 'node_modules'));
    const who = {
      GIT_AUTHOR_NAME: 'ci',
      GIT_AUTHOR_EMAIL: 'ci@x',
      GIT_COMMITTER_NAME: 'ci',
      GIT_COMMITTER_EMAIL: 'ci@x',
    };
    git(work, ['init', '-q', '-b', 'main']);
    git(work, ['add', '-A']);
    git(work, ['commit', '-qm', 'base'], who);
    git(dir, ['clone', '-q', '--bare', work, origin]);
    git(work, ['remote', 'add', 'origin', origin]);
    // gh: records its arguments, one per line, and knows no pull request yet.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    cpSync(join(FIXTURES, 'issue-events'), join(dir, 'events'), { recursive: true });
    writeFileSync(join(dir, 'gh.log'), '');
    const gh = join(bin, 'gh');
    writeFileSync(gh, `#!/usr/bin/env bash\nprintf '%s\\n' "$@" '--' >> '${join(dir, 'gh.log')}'\n`);
    chmodSync(gh, 0o755);
    return { dir, work, origin, bin };
  }

  function runSteps(c: ReturnType<typeof checkout>, eventName: string, number: number) {
    const temp = tempDir('ops-runner-');
    const env = {
      ...process.env,
      PATH: `${c.bin}:${process.env.PATH}`,
      GITHUB_EVENT_PATH: join(c.dir, 'events', `${eventName}.json`),
      RUNNER_TEMP: temp,
      NUMBER: String(number),
      BASE: 'main',
      GH_TOKEN: 'token',
      GIT_AUTHOR_NAME: 'ci',
      GIT_AUTHOR_EMAIL: 'ci@x',
      GIT_COMMITTER_NAME: 'ci',
      GIT_COMMITTER_EMAIL: 'ci@x',
    };
    git(c.work, ['checkout', '-q', '-f', 'main']);
    git(c.work, ['clean', '-qfd']);
    for (const run of runs.filter((r) => !r.startsWith('npm ci'))) {
      // GitHub's own shell for run: steps.
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run], {
        cwd: c.work,
        env,
        encoding: 'utf8',
      });
      expect(r.status, `${run}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    return { result: JSON.parse(readFileSync(join(temp, 'result.json'), 'utf8')) as { ok: boolean } };
  }

  it('push one branch per issue; an edited issue with the same form leaves it as it is', () => {
    const c = checkout();
    expect(runSteps(c, 'payment-received', 41).result.ok).toBe(true);
    const first = git(c.origin, ['rev-parse', 'issue-41']).trim();
    expect(git(c.origin, ['diff', '--name-only', 'main', 'issue-41']).trim()).toBe(
      'partners/datalab-inc/invoices.yaml',
    );
    expect(git(c.origin, ['log', '-1', '--format=%B', 'issue-41'])).toContain('Closes #41');
    runSteps(c, 'payment-received-edited', 41);
    expect(git(c.origin, ['rev-parse', 'issue-41']).trim()).toBe(first);
    const gh = readFileSync(join(c.dir, 'gh.log'), 'utf8');
    expect(gh).toContain('pr\ncreate\n--base\nmain\n--head\nissue-41\n--title\n');
    expect(gh).toContain('issue\ncomment\n41\n--body-file\n');
  }, 120_000);

  it('run nothing typed in the issue, and an outsider only gets a comment', () => {
    const c = checkout();
    expect(existsSync('/tmp/ops-pwned')).toBe(false);
    expect(runSteps(c, 'survey-hostile', 54).result.ok).toBe(true);
    expect(existsSync('/tmp/ops-pwned')).toBe(false);
    expect(git(c.origin, ['diff', '--name-only', 'main', 'issue-54']).trim()).toBe('partners/uni-north/feedback.yaml');
    expect(runSteps(c, 'payment-outsider', 45).result.ok).toBe(false);
    expect(git(c.origin, ['branch', '--list', 'issue-45']).trim()).toBe('');
    expect(readFileSync(join(c.dir, 'gh.log'), 'utf8')).toContain('issue\ncomment\n45\n--body-file\n');
  }, 120_000);
});

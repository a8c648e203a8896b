/**
 * npm run from-issue -- --event FILE.json [--root DIR]
 * Makes the change a filled issue form asks for (a GitHub `issues` event, as
 * the issue-form workflow gets it), through the same actions and checks as
 * `npm run new`/`record`, and prints the outcome as one JSON object: what the
 * pull request says, or which form field to fix, or why the issue is refused.
 */
import { readFileSync } from 'node:fs';
import { parseCommand, ROOT_OPTION, rootOption, runCommand, UsageError } from './lib/cli.js';
import { editAndWrite } from './lib/edit/command.js';
import { applyForm, asFieldProblem, FieldProblem, formOf, givenOf, type IssueFacts } from './lib/edit/issue-form.js';

const spec = {
  name: 'from-issue',
  summary: 'Makes the change a filled issue form asks for, checked like any other, and prints the outcome as JSON.',
  usage: '--event FILE.json [--root DIR]',
  options: {
    event: {
      type: 'string',
      value: 'FILE',
      help: "a GitHub 'issues' event payload ($GITHUB_EVENT_PATH in a workflow)",
    },
    root: ROOT_OPTION,
  },
} as const;

/** Who may turn an issue into a change: people with write access to the repository. */
const WRITERS = ['OWNER', 'MEMBER', 'COLLABORATOR'];

type Outcome =
  | { ok: true; branch: string; title: string; body: string; files: string[]; comment: string }
  | { ok: false; field?: string; message: string; comment?: string; refused?: boolean; skipped?: boolean };

interface IssuesEvent {
  action?: string;
  issue?: {
    number?: number;
    title?: string;
    body?: string | null;
    labels?: { name?: string }[];
    user?: { login?: string };
    author_association?: string;
    created_at?: string;
  };
  sender?: { login?: string };
  repository?: { full_name?: string };
}

runCommand(async () => {
  const args = parseCommand(spec);
  if (!args.event) throw new UsageError('give the event file: npm run from-issue -- --event FILE.json');
  const outcome = await fromIssue(readEvent(args.event), rootOption(args.root));
  process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.ok ? 0 : 1;
});

function readEvent(path: string): IssuesEvent {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the event file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text) as IssuesEvent;
  } catch (e) {
    throw new UsageError(`${path} is not JSON: ${(e as Error).message}`);
  }
}

async function fromIssue(event: IssuesEvent, root: string): Promise<Outcome> {
  const issue = event.issue;
  if (!issue || typeof issue.number !== 'number' || typeof issue.title !== 'string')
    throw new UsageError("the event file is not a GitHub 'issues' event (no issue.number and issue.title)");
  if (event.action !== 'opened' && event.action !== 'edited')
    return { ok: false, skipped: true, message: `nothing to do for an issue ${event.action ?? 'event'}` };
  const labels = (issue.labels ?? []).map((l) => l.name ?? '');
  const form = formOf(labels, issue.title);
  if (!form) return { ok: false, skipped: true, message: 'this issue was not filled from a change form' };

  const author = issue.user?.login ?? '';
  if (!WRITERS.includes(issue.author_association ?? '')) {
    const message =
      `@${author} cannot change the records from an issue: only people with write access to the repository ` +
      `can. Someone from the team can make this change (see docs/guide.md).`;
    return { ok: false, refused: true, message, comment: message };
  }
  // An edit by someone else than the author: the payload says nothing of their access, so it is not trusted.
  if (event.sender?.login !== undefined && event.sender.login !== author) {
    const message =
      `this issue was edited by @${event.sender.login}, not by its author @${author}: only the author's own ` +
      `form is turned into a change. Open a new issue with the form instead.`;
    return { ok: false, refused: true, message, comment: message };
  }

  const facts: IssueFacts = { number: issue.number, createdAt: issue.created_at ?? new Date().toISOString(), author };
  const given: Record<string, unknown> = {};
  try {
    Object.assign(given, givenOf(form, issue.body ?? '', facts));
    const { result: summary, written } = await editAndWrite(root, (changes) => applyForm(changes, form, given));
    const branch = `issue-${issue.number}`;
    const first = summary.split(/(?<=\.) /)[0];
    const files = written.map((f) => `- \`${f}\``).join('\n');
    return {
      ok: true,
      branch,
      title: `${first.length > 110 ? `${first.slice(0, 109)}…` : first} (#${issue.number})`,
      body:
        `${summary}\n\nMade from the form in issue #${issue.number} by @${author}: the same change as ` +
        `\`npm run ${form.command.replace(' ', ' -- ')}\`, checked the same way.\n\n` +
        `Files changed:\n${files}\n\nCloses #${issue.number}\n`,
      files: written,
      comment: `${summary}\n\nThe change is on branch \`${branch}\`:\n${files}\n`,
    };
  } catch (caught) {
    // The check of the whole data after the edit refuses outside the action: the same words apply.
    const e = asFieldProblem(form, given, caught);
    if (!(e instanceof FieldProblem)) throw e;
    const fix = e.field ? `Fix the field “${e.field}”` : 'Fix the form';
    return {
      ok: false,
      ...(e.field !== undefined && { field: e.field }),
      message: e.message,
      comment: `Nothing was changed: ${e.message}\n\n${fix} by editing this issue; it is read again when you save.`,
    };
  }
}

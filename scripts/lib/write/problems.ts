/** The three ways problems are shown: for a person (text), for programs (json), for GitHub (annotations). */
import { countBySeverity, type Problem } from '../problem.js';
import { md } from '../render/markdown.js';
import { plural } from '../text/plural.js';

export type ProblemFormat = 'text' | 'json' | 'github' | 'markdown';

/** Source text by file, to show the offending line under each problem. */
export type SourceLines = (file: string) => string | undefined;

export function formatProblems(format: ProblemFormat, problems: readonly Problem[], source: SourceLines): string {
  if (format === 'json') return formatJson(problems);
  if (format === 'github') return formatGithub(problems);
  if (format === 'markdown') return formatMarkdown(problems);
  return formatText(problems, source);
}

export function formatJson(problems: readonly Problem[]): string {
  const { errors, warnings } = countBySeverity(problems);
  const rows = problems.map(({ file, line, column, rule, severity, message, pointer }) => ({
    file,
    line,
    column,
    rule,
    severity,
    message,
    pointer,
  }));
  return JSON.stringify({ errors, warnings, problems: rows }, null, 2) + '\n';
}

export function formatText(problems: readonly Problem[], source: SourceLines): string {
  const out: string[] = [];
  let current: string | undefined;
  let lines: string[] = [];
  for (const p of problems) {
    if (p.file !== current) {
      current = p.file;
      lines = source(p.file)?.split(/\r?\n/) ?? [];
      out.push('', p.file);
    }
    out.push(`  ${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.rule}]`);
    const text = lines[p.line - 1];
    if (text !== undefined && text.trim() !== '') {
      const gutter = String(p.line).padStart(6);
      const shown = text.length > 160 ? text.slice(0, 160) + '…' : text;
      out.push(`${gutter} | ${shown.replace(/\t/g, ' ')}`);
      out.push(`${' '.repeat(6)} | ${' '.repeat(Math.max(0, Math.min(p.column - 1, 160)))}^`);
    }
  }
  const { errors, warnings } = countBySeverity(problems);
  out.push(
    '',
    problems.length === 0
      ? 'No problems found.'
      : `${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  return out.join('\n').replace(/^\n/, '') + '\n';
}

/** GitHub workflow commands: each problem becomes an annotation on its line of the pull request. */
export function formatGithub(problems: readonly Problem[]): string {
  const out = problems.map((p) => {
    const props = [
      `file=${escapeProperty(p.file)}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `title=${escapeProperty(p.rule)}`,
    ].join(',');
    return `::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(p.message)}`;
  });
  const { errors, warnings } = countBySeverity(problems);
  out.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return out.join('\n') + '\n';
}

/** A table for a GitHub job summary or comment. */
export function formatMarkdown(problems: readonly Problem[]): string {
  const { errors, warnings } = countBySeverity(problems);
  if (problems.length === 0) return '### Data check\n\nNo problems found.\n';
  const rows = problems.map(
    (p) => `| \`${p.file}:${p.line}:${p.column}\` | ${p.severity} | \`${p.rule}\` | ${md(p.message)} |`,
  );
  return [
    `### Data check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    '',
    '| where | severity | check | what to do |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

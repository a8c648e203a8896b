/**
 * How a report names an incomplete month (SPEC-3 R6): a GitHub alert that
 * lists what is not recorded yet, and the label that marks the month in
 * tables and charts. One wording for the dashboard, cost recovery and the
 * partner pages.
 */
import type { MissingInput } from '../../figures/completeness.js';
import { partnerName } from '../../figures/context.js';
import type { Figures } from '../../figures/index.js';
import { addMonths } from '../../time/calendar.js';
import { md } from '../markdown.js';
import { code } from './links.js';

/** What a missing value reads instead of 0.00. */
export const NOT_RECORDED = 'not recorded';

/** "2026-11 (incomplete)" for a month missing inputs, else the month. */
export function monthLabel(month: string, incomplete: boolean): string {
  return incomplete ? `${month} (incomplete)` : month;
}

/** One line per partner: "the cloud bills of hubs `a` and `b` (Name)". */
export function missingLines(f: Figures, missing: readonly MissingInput[]): string[] {
  const name = (id: string) => md(partnerName(f.ctx.partnerById.get(id)!));
  const list = (ids: string[]) =>
    ids.length === 1 ? code(ids[0]) : `${ids.slice(0, -1).map(code).join(', ')} and ${code(ids[ids.length - 1])}`;
  const lines: string[] = [];
  // Each partner's hubs in one pass (the dashboard's list has every partner's), partners in order of first mention.
  const hubsOf = new Map<string, string[]>();
  for (const m of missing) {
    const hubs = hubsOf.get(m.partner) ?? [];
    if (!hubsOf.has(m.partner)) hubsOf.set(m.partner, hubs);
    if (m.kind === 'cloud-bill') hubs.push(m.hub);
  }
  for (const [p, hubs] of hubsOf)
    if (hubs.length)
      lines.push(
        `the cloud bill${hubs.length > 1 ? 's' : ''} of hub${hubs.length > 1 ? 's' : ''} ${list(hubs)} (${name(p)})`,
      );
  for (const m of missing)
    if (m.kind === 'usage')
      lines.push(
        `the usage (monthly active users) of contract ${code(m.contract)}` +
          (m.hubs.length ? ` on ${m.hubs.length > 1 ? 'hubs' : 'hub'} ${list(m.hubs)}` : '') +
          ` (${name(m.partner)})`,
      );
  return lines;
}

/**
 * The `> [!WARNING]` alert for an incomplete as-of month, or '' when it is complete. `then` says what the report
 * shows instead (one sentence, Markdown).
 */
export function incompleteAlert(f: Figures, then: string): string {
  const missing = f.completeness.missing;
  if (missing.length === 0) return '';
  const month = f.ctx.month;
  const last = f.completeness.last?.month;
  const gap =
    last !== undefined && last < addMonths(month, -1)
      ? ` The months from ${addMonths(last, 1)} to ${addMonths(month, -1)} miss cloud bills or usage too.`
      : last === undefined
        ? ' No month of the last 24 is complete.'
        : '';
  return [
    '> [!WARNING]',
    `> **${month} is incomplete.** Not recorded yet, so its figures so far leave them out:`,
    '>',
    ...missingLines(f, missing).map((l) => `> - ${l}`),
    '>',
    `> ${then}${gap}`,
  ].join('\n');
}

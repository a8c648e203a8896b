/** The figure diff between two revisions: the comment CI posts on every pull request. */
import { headline, type Headline } from '../figures/headline.js';
import type { Figures } from '../figures/index.js';
import type { RecordChange } from '../model/record-diff.js';
import { md } from './markdown.js';
import { formatHeadline, formatHeadlineChange } from './numbers.js';
import { render } from './templates.js';
import { plural } from '../text/plural.js';

export interface DiffSide {
  rev: string;
  commit: string;
  errors: number;
  /** undefined when the side has errors. */
  figures?: Figures;
}

export interface FigureDelta {
  key: string;
  label: string;
  short: string;
  kind: Headline['kind'];
  base: Headline['value'];
  head: Headline['value'];
}

/** Headline figures of both sides, when both could be computed. */
export function figureDeltas(base: DiffSide, head: DiffSide): FigureDelta[] {
  if (!base.figures || !head.figures) return [];
  const before = new Map(headline(base.figures).map((h) => [h.key, h]));
  return headline(head.figures).map((h) => ({
    key: h.key,
    label: h.label,
    short: h.short,
    kind: h.kind,
    base: before.get(h.key)?.value,
    head: h.value,
  }));
}

const sameValue = (d: FigureDelta) =>
  d.base === undefined || d.head === undefined ? d.base === d.head : d.base.equals(d.head);

/** Longer than this, the record list folds away under <details>. */
const FOLD_AFTER = 15;
/** A pull request comment holds 65,536 characters: list this many records at most. */
const LIST_AT_MOST = 150;

export function renderDiffMarkdown(
  base: DiffSide,
  head: DiffSide,
  asOf: string,
  currency: string,
  changes: RecordChange[],
): string {
  const deltas = figureDeltas(base, head);
  const records = changes.map((c) => {
    const where = `\`${c.file}\`${c.record ? ` ${md(c.record)}` : ''}`;
    const fields = c.fields.map((f) => `${md(f.path)} ${show(f.from)} → ${show(f.to)}`).join('; ');
    return `${c.change} ${where}${fields ? `: ${fields}` : ''}`;
  });
  const count = (kind: RecordChange['change']) => changes.filter((c) => c.change === kind).length;
  const label = (s: DiffSide) =>
    s.commit.startsWith(s.rev) ? `\`${s.commit.slice(0, 7)}\`` : `${md(s.rev)} (\`${s.commit.slice(0, 7)}\`)`;
  return render('diff', {
    base: { label: label(base), errors: base.errors ? plural(base.errors, 'error') : '' },
    head: { label: label(head), errors: head.errors ? plural(head.errors, 'error') : '' },
    asOf,
    currency,
    compared: deltas.length > 0,
    changed: deltas
      .filter((d) => !sameValue(d))
      .map((d) => ({
        label: md(d.label),
        base: formatHeadline(d.kind, d.base),
        head: formatHeadline(d.kind, d.head),
        change: formatHeadlineChange(d.kind, d.base, d.head),
      })),
    unchanged: deltas
      .filter(sameValue)
      .map((d) => d.short)
      .join(', '),
    summary: `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`,
    records: records.slice(0, LIST_AT_MOST),
    more: records.length > LIST_AT_MOST ? String(records.length - LIST_AT_MOST) : '',
    fold: records.length > FOLD_AFTER,
  });
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return md(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}

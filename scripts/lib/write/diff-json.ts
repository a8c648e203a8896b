/** `diff --format json`: the same comparison for programs. */
import { toFixed, type Decimal } from '../money/decimal.js';
import type { RecordChange } from '../model/record-diff.js';
import { figureDeltas, type DiffSide } from '../render/diff.js';

const value = (kind: string, d: Decimal | undefined) =>
  d === undefined ? null : kind === 'money' ? toFixed(d, 2) : kind === 'ratio' ? toFixed(d, 4) : d.toNumber();

/** The `diff --format json` document's shape. */
export type DiffJson = ReturnType<typeof diffJson>;

export function diffJson(base: DiffSide, head: DiffSide, asOf: string, currency: string, changes: RecordChange[]) {
  return {
    as_of: asOf,
    currency,
    base: { rev: base.rev, commit: base.commit, errors: base.errors },
    head: { rev: head.rev, commit: head.commit, errors: head.errors },
    figures: figureDeltas(base, head).map((d) => ({
      key: d.key,
      base: value(d.kind, d.base),
      head: value(d.kind, d.head),
      change: d.base === undefined || d.head === undefined ? null : value(d.kind, d.head.minus(d.base)),
    })),
    records: changes,
  };
}

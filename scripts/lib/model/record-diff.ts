/**
 * Which records two versions of the data add, remove or change, and for a
 * changed record which fields, so a pull request reads as
 * "contracts/leap-2026.yaml: fees[0].amount 2400 → 2600".
 */
import type { LoadedFile } from '../load/index.js';
import { KINDS, type KindSpec } from './kinds.js';

export interface FieldChange {
  /** fees[0].amount */
  path: string;
  from: unknown;
  to: unknown;
}

export interface RecordChange {
  file: string;
  /** Which record of a list file ('INV-2026-014'); '' for a whole-file record. */
  record: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

export function diffRecords(
  base: ReadonlyMap<string, LoadedFile>,
  head: ReadonlyMap<string, LoadedFile>,
): RecordChange[] {
  const out: RecordChange[] = [];
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  for (const file of paths) {
    const a = base.get(file);
    const b = head.get(file);
    if (!a || !b) {
      out.push({ file, record: '', change: a ? 'removed' : 'added', fields: [] });
      continue;
    }
    const keyOf = (KINDS[b.placement.kind] as KindSpec).key;
    if (keyOf && Array.isArray(a.data) && Array.isArray(b.data)) {
      out.push(...diffList(file, a.data, b.data, keyOf));
      continue;
    }
    const fields = diffValues(a.data, b.data, '');
    if (a.body.trim() !== b.body.trim()) fields.push({ path: 'notes', from: '…', to: '…' });
    if (fields.length) out.push({ file, record: '', change: 'changed', fields });
  }
  return out;
}

function diffList(
  file: string,
  a: unknown[],
  b: unknown[],
  keyOf: (item: Record<string, unknown>, index: number) => string,
): RecordChange[] {
  const index = (list: unknown[]) =>
    new Map(list.map((item, i) => [keyOf((item ?? {}) as Record<string, unknown>, i), item]));
  const [before, after] = [index(a), index(b)];
  const out: RecordChange[] = [];
  for (const [key, item] of after) {
    if (!before.has(key)) out.push({ file, record: key, change: 'added', fields: [] });
    else {
      const fields = diffValues(before.get(key), item, '');
      if (fields.length) out.push({ file, record: key, change: 'changed', fields });
    }
  }
  for (const key of before.keys()) if (!after.has(key)) out.push({ file, record: key, change: 'removed', fields: [] });
  return out;
}

function diffValues(a: unknown, b: unknown, path: string): FieldChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diffValues(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      diffValues(a[i], b[i], `${path}[${i}]`),
    ).flat();
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: path || '(whole record)', from: a, to: b }];
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

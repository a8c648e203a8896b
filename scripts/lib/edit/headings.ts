/**
 * Another system's headings declared as data beside ours: each field an
 * import reads, and what each system heads its column. A file is read by
 * whichever of those headings it has, letter case aside.
 */
import type { Rows } from './csv.js';

/** A field's heading in each system that writes it: one heading, or several it may use. */
export type Headings = Readonly<Record<string, string | readonly string[]>>;

/** Every heading of a field, lowercased as the CSV reader keeps them, ours first; no repeats. */
export function headingsOf(field: Headings): string[] {
  return [
    ...new Set(Object.values(field).flatMap((h) => (typeof h === 'string' ? [h] : h).map((x) => x.toLowerCase()))),
  ];
}

/** The heading (lowercased) under which the file holds each field, or undefined when it has none of them. */
export function columnsOf<K extends string>(csv: Rows, fields: Record<K, Headings>): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const key of Object.keys(fields) as K[]) out[key] = headingsOf(fields[key]).find((h) => csv.header.includes(h));
  return out;
}

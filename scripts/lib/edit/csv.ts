/**
 * Reading the CSV files the imports take: csv-parse (never hand-split), the
 * headings checked, each row with its line, a fault located at
 * `file:line:column`, progress shown for a long export.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { EditRefused } from './changeset.js';
import { count } from '../text/grouped.js';

export interface Row {
  line: number;
  row: Record<string, string>;
}

/** What is wrong with a row: the column (lowercased heading) it is about and a sentence. */
export type RowProblem = [column: string, text: string];

/** The rows of a CSV file and its headings, in file order (lowercased), for locating a problem. */
export interface Rows {
  file: string;
  header: string[];
  rows: Row[];
  /** The headings as the file writes them (trimmed, case kept), for an export whose headings carry names. */
  headings?: string[];
}

/**
 * `file:line:column: text (column C, "heading")`: the line the row ends on and
 * the column counted from 1, as a spreadsheet shows it (A = 1).
 */
export function located({ file, header }: Rows, line: number, [column, text]: RowProblem): string {
  const n = header.indexOf(column) + 1;
  return `${file}:${line}:${n}: ${text} (column ${columnLetter(n)}, "${column}")`;
}

function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** Exports above this many rows show their progress on stderr while they are read. */
export const PROGRESS_EVERY = 10_000;

/**
 * The data rows with the line each ends on, and the headings; a file with no
 * rows is refused, not "nothing to change". Reading an export of more than
 * PROGRESS_EVERY rows says how far it has got on stderr. An expected column
 * given as a list is there when any one of its headings is (a system that
 * heads it differently from ours).
 */
export function readRows(
  file: string,
  expected: readonly (string | readonly string[])[],
  { extraColumns = false, oneRowPer = 'hub and month' }: { extraColumns?: boolean; oneRowPer?: string } = {},
): Rows {
  const rows = readTable(file, `expected the columns ${expected.map(anyOf).join(', ')} and one row per ${oneRowPer}`);
  const { header } = rows;
  const missing = (c: string | readonly string[]) =>
    typeof c === 'string' ? !header.includes(c) : !c.some((name) => header.includes(name));
  if (extraColumns ? expected.some(missing) : header.length !== expected.length || expected.some(missing)) {
    const which = extraColumns ? 'must include' : 'must be';
    throw new EditRefused(
      `${file}: the columns ${which} ${expected.map(anyOf).join(', ')} (found ${header.join(', ')})`,
    );
  }
  return rows;
}

/** A column's headings as a sentence names them: "deal id (or record id, id)". */
function anyOf(c: string | readonly string[]): string {
  return typeof c === 'string' ? c : c.length > 1 ? `${c[0]} (or ${c.slice(1).join(', ')})` : c[0];
}

/**
 * The data rows and headings of any CSV export, the headings trimmed and
 * lowercased (a UTF-8 BOM and CRLF line ends are taken in stride), for an
 * import that works out which export it was given from its headings;
 * `expected` completes the refusal of a file with no rows.
 */
export function readTable(file: string, expected: string): Rows {
  let records: { record: Record<string, string>; info: { bytes: number } }[];
  let text: Buffer;
  let headings: string[] = [];
  try {
    text = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new EditRefused(err.code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read: ${err.message}`);
  }
  const progress = new Progress(file);
  try {
    records = parse(text, {
      columns: (h: string[]) => {
        headings = h.map((c) => c.trim());
        return headings.map((c) => c.toLowerCase());
      },
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      on_record: (record: unknown) => {
        progress.tick();
        return record;
      },
    }) as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number; column?: number | string };
    throw new EditRefused(`${file}${err.lines ? `:${err.lines}` : ''}: cannot be read as CSV: ${err.message}`);
  } finally {
    progress.done();
  }
  if (records.length === 0) {
    throw new EditRefused(`${file} has no rows to import (it is empty or holds only a header); ${expected}`);
  }
  const header = Object.keys(records[0].record);
  const lineEnds = new LineCounter(text);
  const rows = records.map(({ record, info }) => ({ line: lineEnds.at(info.bytes), row: record }));
  return { file, header, rows, headings };
}

/**
 * The line a record ends on, from the byte offset just past it. csv-parse's
 * own line count takes a CRLF inside a quoted value for two lines, so the
 * line feeds are counted here, once over the file.
 */
class LineCounter {
  private offset = 0;
  private feeds = 0;
  constructor(private readonly bytes: Buffer) {}

  at(end: number): number {
    for (; this.offset < end; this.offset++) if (this.bytes[this.offset] === 0x0a) this.feeds++;
    // The record's own line end, when it has one, belongs to the line it ends.
    return this.feeds + 1 - (this.bytes[end - 1] === 0x0a ? 1 : 0);
  }
}

/** "Reading export.csv: 20,000 rows…" on stderr, every PROGRESS_EVERY rows, once a file has that many. */
class Progress {
  private rows = 0;
  constructor(private readonly file: string) {}

  tick(): void {
    if (++this.rows % PROGRESS_EVERY === 0) this.show('…');
  }

  done(): void {
    if (this.rows >= PROGRESS_EVERY) this.show(', done.', true);
  }

  private show(end: string, last = false): void {
    const line = `Reading ${this.file}: ${count(this.rows)} rows${end}`;
    // On a terminal the line is redrawn in place; in a log, one line each.
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${last ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  }
}

/** Stops an import that found faults, naming every one: nothing is imported. */
export function refuseIf(errors: string[]): void {
  if (errors.length) throw new EditRefused(`nothing was imported:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

/**
 * Discovery and parsing of every data file: one pass, one parse per file,
 * and every fault of the bytes or the text as a located problem.
 */
import type { FileCheckId } from './file-checks.js';
import type { Problem } from '../problem.js';
import { decodeUtf8, toLf } from './encoding.js';
import { splitFrontMatter } from './front-matter.js';
import { KINDS, type Kinds } from '../model/kinds.js';
import { classify, isIgnoredFile, placementHint, type Placement } from './layout.js';
import type { Position, PositionMap } from './positions.js';
import { MAX_FILE_BYTES, NotRead, type DataSource, type SourceEntry } from './source.js';
import { PlainLocator } from './plain-locator.js';
import { positionsOf, readYaml } from './yaml-text.js';

export interface LoadedFile {
  path: string;
  placement: Placement;
  /** The file's text, for showing the offending line. */
  text: string;
  /** The parsed record data; undefined when the file could not be parsed. */
  data: unknown;
  /** Markdown notes after the front matter. */
  body: string;
  /** Where a JSON Pointer is in the file. */
  positions: Locator;
}

export interface Locator {
  locate(pointer: string, key?: boolean): Position;
}

export interface LoadResult {
  files: LoadedFile[];
  problems: Problem[];
  /** Every path the source listed, valid or not (references to a broken file are not "missing"). */
  paths: Set<string>;
}

export async function loadFiles(source: DataSource, kinds: Kinds = KINDS): Promise<LoadResult> {
  const entries = await source.list();
  const problems: Problem[] = [];
  const texts = await readEntries(source, entries, problems, kinds).finally(() => source.close?.());
  const toParse = entries.flatMap((e, i) => {
    const read = texts[i];
    return read === undefined || read === GONE ? [] : [{ path: e.path, ...read }];
  });
  const files = toParse.map(({ path, text, placement }): LoadedFile => {
    const parsed = parseText(path, text);
    problems.push(...parsed.problems);
    return {
      path,
      placement,
      text,
      data: parsed.data,
      body: parsed.body,
      positions: lazyPositions(path.endsWith('.md'), text, parsed.fast === true),
    };
  });
  return { files, problems, paths: new Set(entries.flatMap((e, i) => (texts[i] === GONE ? [] : [e.path]))) };
}

/** What readEntry answers for a file that went away between the listing and the read. */
const GONE = Symbol('gone');

/** A file's text and placement; undefined when it is refused (its problem reported); GONE. */
type Read = { text: string; placement: Placement } | undefined | typeof GONE;

/** Every entry read: in a plain loop from a source that reads synchronously, else at most 32 reads at once. */
async function readEntries(
  source: DataSource,
  entries: SourceEntry[],
  problems: Problem[],
  kinds: Kinds,
): Promise<Read[]> {
  const readNow = source.readNow?.bind(source);
  if (!readNow) return mapLimit(entries, 32, async (e) => readEntry(e, problems, kinds, (path) => source.read(path)));
  const texts: Read[] = [];
  for (const e of entries) {
    const text = readEntry(e, problems, kinds, readNow);
    // readNow gives bytes, never a promise, so neither does readEntry.
    if (text instanceof Promise) throw new TypeError('readNow answered a promise');
    texts.push(text);
  }
  return texts;
}

/** One entry, read by `read`: the answer is a promise only when the read's is. */
function readEntry(
  entry: SourceEntry,
  problems: Problem[],
  kinds: Kinds,
  read: (path: string) => Buffer | Promise<Buffer>,
): Read | Promise<Read> {
  const fileProblem = (rule: FileCheckId, message: string, at: Position = { line: 1, column: 1 }) =>
    problems.push({ file: entry.path, ...at, rule, severity: 'error', message, pointer: '' });
  const refuse = (reason: NotRead['reason'], size = 0) => {
    if (reason === 'symlink')
      fileProblem(
        'file-type',
        'this is a symbolic link; links are not followed (they could point outside the repository): replace it ' +
          'with the real file',
      );
    else if (reason === 'too-large')
      fileProblem(
        'file-too-large',
        `the file is ${(size / 1024 / 1024).toFixed(1)} MiB; files over ${MAX_FILE_BYTES / 1024 / 1024} ` +
          `MiB are not read. Split the data (one file per partner) or remove what does not belong`,
      );
    else fileProblem('file-type', 'this is not a regular file; data folders hold only record files');
    return undefined;
  };
  if (isIgnoredFile(entry.path)) return undefined;
  if (entry.type !== 'file') return refuse(entry.type);
  const placement = classify(entry.path, kinds);
  if (!placement) {
    fileProblem(
      'unknown-file',
      `this file is not a record of any kind, so it would be ignored: ${placementHint(entry.path, kinds)}`,
    );
    return undefined;
  }
  // A size from the listing (git); a folder's files are sized by read() itself, which refuses them alike.
  if (entry.size !== undefined && entry.size > MAX_FILE_BYTES) return refuse('too-large', entry.size);
  const notRead = (e: unknown) => {
    if (e instanceof NotRead) return refuse(e.reason, e.size);
    // Gone since the folder was listed (another command's temporary file, renamed into place): not data.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return GONE;
    throw e;
  };
  let bytes: Buffer | Promise<Buffer>;
  try {
    bytes = read(entry.path);
  } catch (e) {
    return notRead(e);
  }
  return bytes instanceof Promise
    ? bytes.then((b) => decoded(b, fileProblem, placement), notRead)
    : decoded(bytes, fileProblem, placement);
}

/** A read file's text, or undefined when its bytes are not text (each fault reported). */
function decoded(
  bytes: Buffer,
  fileProblem: (rule: FileCheckId, message: string, at: Position) => void,
  placement: Placement,
): Read {
  const { text, faults } = decodeUtf8(bytes);
  if (faults.length > 0) {
    // Locate by counting lines of the decoded text up to the fault.
    for (const f of faults) {
      const before = text.slice(0, f.offset);
      const line = before.split('\n').length;
      const column = f.offset - (before.lastIndexOf('\n') + 1) + 1;
      fileProblem('file-encoding', f.message, { line, column });
    }
    // A BOM alone loses nothing: read on so the other problems show too.
    if (faults.some((f) => !f.message.includes('byte-order mark'))) return undefined;
  }
  return { text: toLf(text), placement };
}

export interface ParsedText {
  data: unknown;
  body: string;
  problems: Problem[];
  /** Read by the fast parser: its findings can be located by following the lines (plain-locator.ts). */
  fast?: boolean;
}

/** Text → data and the located faults of the text. */
export function parseText(path: string, text: string): ParsedText {
  const isMarkdown = path.endsWith('.md');
  const problems: Problem[] = [];
  let yamlText = text;
  let body = '';
  if (isMarkdown) {
    const split = splitFrontMatter(text);
    if (split.yaml === undefined) {
      problems.push({
        file: path,
        line: 1,
        column: 1,
        rule: 'front-matter',
        severity: 'error',
        message: split.fault!,
        pointer: '',
      });
      return { data: undefined, body: split.body, problems };
    }
    yamlText = split.yaml;
    body = split.body;
  }
  const parsed = readYaml(yamlText);
  for (const f of parsed.faults) {
    problems.push({
      file: path,
      line: f.line,
      column: f.column,
      rule: f.rule,
      severity: f.severity ?? 'error',
      message: f.message,
      pointer: '',
    });
  }
  let data = parsed.data;
  if (data === null && parsed.faults.length === 0) {
    problems.push({
      file: path,
      line: 1,
      column: 1,
      rule: 'empty-file',
      severity: 'error',
      message: isMarkdown
        ? "the front matter is empty; fill in the record's fields"
        : 'the file is empty; add the record (a list file may hold an empty list: [])',
      pointer: '',
    });
    data = undefined;
  }
  return { data, body, problems, fast: parsed.fast };
}

/**
 * Positions are needed only for files with findings, so they are found on
 * demand: in a file the fast parser read, by following its lines (most
 * files); otherwise, or where that reader is unsure, by parsing the file
 * again with `yaml` (its syntax tree is most of the memory, so it is not
 * kept from the first read).
 */
function lazyPositions(isMarkdown: boolean, text: string, fast: boolean): Locator {
  let yaml: string | undefined | null = null;
  let lines: PlainLocator | undefined;
  let map: PositionMap | undefined;
  return {
    locate(pointer, key) {
      if (yaml === null) yaml = isMarkdown ? splitFrontMatter(text).yaml : text;
      if (yaml === undefined) return { line: 1, column: 1 };
      if (fast) {
        lines ??= new PlainLocator(yaml);
        const offset = lines.offsetOf(pointer, key);
        if (offset !== undefined) return lines.at(offset);
      }
      map ??= positionsOf(yaml);
      return map.locate(pointer, key);
    },
  };
}

/** Like Promise.all over a map, with at most `limit` reads open at once (no EMFILE on big trees). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * YAML text → plain data, with every fault of the text as a located problem.
 * YAML 1.2 core schema with plain numbers only (see yaml-schema.ts).
 */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { FileCheckId } from './file-checks.js';
import { parseFast } from './fast-yaml.js';
import { PositionMap, type Position } from './positions.js';
import { YAML_OPTIONS } from './yaml-schema.js';

export interface TextFault {
  offset: number;
  rule: FileCheckId;
  message: string;
  severity?: 'error' | 'warning';
}

export interface ParsedYaml {
  /** undefined when the text could not be turned into data. */
  data: unknown;
  positions: PositionMap;
  faults: TextFault[];
}

/** Keys that would reach Object.prototype if any code ever copied the data naively. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_ALIAS_COUNT = 100;
export const MAX_DEPTH = 64;

/** A fault with its place in the text. */
export type LocatedFault = TextFault & Position;

/**
 * The data of a YAML text and its faults, located: read by the fast parser
 * when it can (most files), by the located parser when the text is unusual
 * or has something wrong with it.
 */
export function readYaml(text: string): { data: unknown; faults: LocatedFault[]; fast?: true } {
  const fast = parseFast(text);
  // The located parser finds and words whatever is wrong; here only whether anything is.
  if (fast && isPlainData(fast.data, 0)) return { data: fast.data, faults: [], fast: true };
  const parsed = parseYaml(text);
  return { data: parsed.data, faults: parsed.faults.map((f) => ({ ...f, ...parsed.positions.at(f.offset) })) };
}

/**
 * Only the map from JSON Pointers to positions: a file's findings are located
 * after it was read, and the data and its checks are not needed again.
 */
export function positionsOf(text: string): PositionMap {
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter, prettyErrors: false, uniqueKeys: true });
    return new PositionMap(doc, lineCounter);
  } catch {
    return new PositionMap(undefined, lineCounter);
  }
}

/** The located parser: the data, every fault with its offset, and a map from JSON Pointers to positions. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      ...YAML_OPTIONS,
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
    });
  } catch (e) {
    // The composer recurses: a document nested thousands deep overflows the stack.
    return {
      data: undefined,
      positions: new PositionMap(undefined, lineCounter),
      faults: [
        {
          offset: 0,
          rule: 'yaml-syntax',
          message: `the file cannot be read as YAML (${(e as Error).message}); it is probably nested far too deeply`,
        },
      ],
    };
  }
  const positions = new PositionMap(doc, lineCounter);
  const faults: TextFault[] = [];
  // Nested thousands deep, the parser's own recursion overflows where it stands, once or more depending on the
  // stack left (less inside a test worker): one cause, one problem.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    const message = 'the file cannot be read as YAML: it is nested far too deeply; no record needs that';
    return { data: undefined, positions, faults: [{ offset: overflow.pos[0], rule: 'yaml-syntax', message }] };
  }
  for (const err of doc.errors) faults.push({ offset: err.pos[0], ...describeYamlError(err.code, err.message) });
  for (const w of doc.warnings)
    faults.push({ offset: w.pos[0], rule: 'yaml-warning', message: w.message, severity: 'warning' });
  if (doc.errors.length > 0) return { data: undefined, positions, faults };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = e instanceof ReferenceError && /alias/i.test(e.message);
    const message = alias
      ? `the aliases (*name) in this file expand to too many values (more than ${MAX_ALIAS_COUNT} uses); ` +
        `write the values out instead of nesting aliases`
      : `the data is nested too deeply to read (${(e as Error).message}); no record needs that, so check the ` +
        `indentation`;
    faults.push({ offset: alias ? firstAliasOffset(doc) : 0, rule: alias ? 'yaml-alias' : 'yaml-syntax', message });
    return { data: undefined, positions, faults };
  }
  // Checked on the plain data (much cheaper than visiting the syntax tree); located only when found.
  const found = inspectData(data);
  if (found.tooDeep !== undefined) {
    faults.push({
      offset: positions.offsetOf(found.tooDeep),
      rule: 'yaml-syntax',
      message:
        `the data is nested more than ${MAX_DEPTH} levels deep here; no record needs that, so check ` +
        `the indentation`,
    });
    return { data: undefined, positions, faults };
  }
  for (const pointer of found.unsafe) {
    const key = pointer.slice(pointer.lastIndexOf('/') + 1);
    faults.push({
      offset: positions.offsetOf(pointer, true),
      rule: 'unsafe-key',
      message:
        `'${key}' is not allowed as a key (it could tamper with the program reading the data); remove ` +
        `it or use the field name you meant`,
    });
  }
  return { data, positions, faults };
}

/** A value met by inspectData: its pointer is spelt out only when something is found there. */
interface Visit {
  value: object;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

function pointerOf(v: Visit): string {
  const segments: string[] = [];
  for (let at: Visit | undefined = v; at?.parent; at = at.parent)
    segments.push(at.key.replace(/~/g, '~0').replace(/\//g, '~1'));
  return segments
    .reverse()
    .map((s) => `/${s}`)
    .join('');
}

/**
 * True when no key of the data could reach an object's prototype and nothing is nested deeper than MAX_DEPTH:
 * what inspectData tells, without the list of places it keeps for the words of a finding (nearly every file has
 * none, and this is asked of every file the fast parser read). Recursive: the depth it goes to is MAX_DEPTH.
 */
function isPlainData(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainData(value[i], depth + 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (UNSAFE_KEYS.has(key) || !isPlainData(record[key], depth + 1)) return false;
  return true;
}

/**
 * Walks the data without recursion: finds keys that could reach an object's
 * prototype (and removes them) and the first value nested
 * deeper than MAX_DEPTH.
 */
function inspectData(root: unknown): { unsafe: string[]; tooDeep?: string } {
  const unsafe: string[] = [];
  if (typeof root !== 'object' || root === null) return { unsafe };
  // Only objects and arrays are pushed: a scalar can be neither unsafe nor too deep.
  const stack: Visit[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (depth > MAX_DEPTH) return { unsafe, tooDeep: pointerOf(visit) };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null)
          stack.push({ value: v, key: String(i), parent: visit, depth: depth + 1 });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (UNSAFE_KEYS.has(key)) {
        unsafe.push(pointerOf({ value: record, key, parent: visit, depth: depth + 1 }));
        delete record[key];
        continue;
      }
      const v = record[key];
      if (typeof v === 'object' && v !== null) stack.push({ value: v, key, parent: visit, depth: depth + 1 });
    }
  }
  return { unsafe: unsafe.sort() };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function describeYamlError(code: string, message: string): Omit<TextFault, 'offset'> {
  switch (code) {
    case 'DUPLICATE_KEY':
      return { rule: 'duplicate-key', message: 'this key appears twice in the same block; keep only one of them' };
    case 'TAB_AS_INDENT':
      return {
        rule: 'yaml-tab',
        message: 'a tab is used for indentation; YAML needs spaces: replace the tab with spaces',
      };
    case 'MULTIPLE_DOCS':
      return { rule: 'yaml-syntax', message: 'the file holds more than one YAML document (a second ---); keep one' };
    default:
      return {
        rule: 'yaml-syntax',
        message: `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+.*$/s, '')}`,
      };
  }
}

/**
 * YAML text → plain data, with every fault of the text as a located problem.
 * YAML 1.2 core schema: dates stay strings, `yes`/`no` stay strings.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { PositionMap } from './positions.js';

export interface TextFault {
  offset: number;
  rule: string;
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

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true, keepSourceTokens: false });
  } catch (e) {
    // The composer recurses: a document nested thousands deep overflows the stack.
    return { data: undefined, positions: new PositionMap(undefined, lineCounter), faults: [{ offset: 0, rule: 'yaml-syntax', message: `the file cannot be read as YAML (${(e as Error).message}); it is probably nested far too deeply` }] };
  }
  const positions = new PositionMap(doc, lineCounter);
  const faults: TextFault[] = [];
  for (const err of doc.errors) faults.push({ offset: err.pos[0], ...describeYamlError(err.code, err.message) });
  for (const w of doc.warnings) faults.push({ offset: w.pos[0], rule: 'yaml-syntax', message: w.message, severity: 'warning' });
  if (doc.errors.length > 0) return { data: undefined, positions, faults };

  let tooDeep: number | undefined;
  visit(doc, {
    Pair(_, pair, path) {
      if (isScalar(pair.key) && UNSAFE_KEYS.has(String(pair.key.value))) {
        faults.push({
          offset: pair.key.range?.[0] ?? 0,
          rule: 'unsafe-key',
          message: `'${String(pair.key.value)}' is not allowed as a key (it could tamper with the program reading the data); remove it or use the field name you meant`,
        });
        return visit.REMOVE;
      }
      if (path.length > MAX_DEPTH * 2 && tooDeep === undefined) {
        tooDeep = pair.key && isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0;
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_, seq, path) {
      if (path.length > MAX_DEPTH * 2 && tooDeep === undefined) {
        tooDeep = seq.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (tooDeep !== undefined) {
    faults.push({ offset: tooDeep, rule: 'yaml-syntax', message: `the data is nested more than ${MAX_DEPTH} levels deep here; no record needs that, so check the indentation` });
    return { data: undefined, positions, faults };
  }

  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { data, positions, faults };
  } catch (e) {
    const offset = firstAliasOffset(doc);
    const message =
      e instanceof ReferenceError && /alias/i.test(e.message)
        ? `the aliases (*name) in this file expand to too many values (more than ${MAX_ALIAS_COUNT} uses); write the values out instead of nesting aliases`
        : `the file cannot be turned into data: ${(e as Error).message}`;
    faults.push({ offset, rule: 'yaml-alias', message });
    return { data: undefined, positions, faults };
  }
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
      return { rule: 'yaml-tab', message: 'a tab is used for indentation; YAML needs spaces: replace the tab with spaces' };
    case 'MULTIPLE_DOCS':
      return { rule: 'yaml-syntax', message: 'the file holds more than one YAML document (a second ---); keep one' };
    default:
      return { rule: 'yaml-syntax', message: `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+.*$/s, '')}` };
  }
}

/** True when the parsed data is an empty document or only comments. */
export function isEmptyData(data: unknown): boolean {
  return data === null || data === undefined;
}


/**
 * Edits YAML text the way a careful person would: only the value that
 * changes is rewritten; every other byte — comments, blank lines, quoting,
 * flow or block style, alignment — stays as it was. `yaml`'s Document API
 * finds where each node is; new values are written in the style of their
 * neighbours.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { YAML_OPTIONS } from '../load/yaml-schema.js';

export type Path = readonly (string | number)[];

export class YamlEditor {
  private doc!: Document;

  constructor(private text: string) {
    this.reparse();
  }

  toString(): string {
    return this.text;
  }

  /** The plain value at `path`, or undefined. */
  get(path: Path): unknown {
    const node = this.node(path);
    return node === undefined ? undefined : node.toJSON();
  }

  /** Sets a scalar value: replaces the existing scalar's text, or adds the key to its map. */
  set(path: Path, value: unknown): void {
    const node = this.node(path);
    if (node && isScalar(node) && node.range) {
      this.splice(node.range[0], node.range[1], scalar(value));
      return;
    }
    if (node)
      throw new Error(`cannot replace the ${isMap(node) ? 'block' : 'list'} at ${path.join('.')} with a single value`);
    this.addPair(path.slice(0, -1), String(path[path.length - 1]), value);
  }

  /**
   * Removes the field at `path` from its block (its whole line, comment
   * included) or from its one-line `{ … }` map; nothing when it is not there.
   */
  remove(path: Path): void {
    const map = this.node(path.slice(0, -1));
    if (!isMap(map)) return;
    const key = String(path[path.length - 1]);
    const at = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
    if (at < 0) return;
    const end = (pair: Pair) => ((pair.value ?? pair.key) as Node).range![1];
    const start = (map.items[at].key as Node).range![0];
    if (map.flow) {
      // ", key: value" after an earlier field; "key: value, " when it is the first.
      if (at > 0) this.splice(end(map.items[at - 1]), end(map.items[at]), '');
      else if (map.items.length > 1) this.splice(start, (map.items[1].key as Node).range![0], '');
      else this.splice(start, end(map.items[at]), '');
      return;
    }
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    if (/^\s*- /.test(this.text.slice(lineStart, start)))
      throw new Error(`cannot remove ${path.join('.')}: it is the first field of its list entry`);
    this.splice(lineStart, this.endOfNode((map.items[at].value ?? map.items[at].key) as Node), '');
  }

  /** Puts `text` as the comment at the end of the line holding the value at `path`, replacing one already there. */
  comment(path: Path, text: string): void {
    const node = this.node(path);
    if (!node?.range) throw new Error(`there is no value at ${path.join('.')} to comment`);
    const nl = this.text.indexOf('\n', node.range[1]);
    const end = nl === -1 ? this.text.length : nl;
    const hash = this.text.slice(node.range[1], end).indexOf('#');
    const from = hash === -1 ? end : node.range[1] + hash;
    this.splice(from, end, `${hash === -1 ? '  ' : ''}# ${text.replace(/\s+/g, ' ').trim()}`);
  }

  /** Appends an item to the list at `path`, creating the list when it is missing. */
  append(path: Path, value: unknown): void {
    const node = this.node(path);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (path.length === 0) {
        // An empty file, or one holding only comments or `[]`.
        this.text =
          this.text.replace(/\[\]\s*$/, '').replace(/\s*$/, this.text.trim() ? '\n' : '') + blockItem(value, 0);
        return this.reparse();
      }
      if (node) this.splice(node.range![0], node.range![1], '');
      this.addPair(path.slice(0, -1), String(path[path.length - 1]), [value]);
      return;
    }
    if (!isSeq(node)) throw new Error(`${path.join('.')} is not a list`);
    const seq = node;
    if (seq.flow && seq.items.length === 0 && path.length === 0) {
      // A list file holding `[]`: its first entry starts the usual one-entry-per-line list.
      this.splice(seq.range![0], seq.range![1], `- ${flow(value)}`);
      return;
    }
    if (seq.flow) {
      const close = this.text.lastIndexOf(']', seq.range![1]);
      const sep = seq.items.length ? ', ' : '';
      this.splice(close, close, `${sep}${flow(value)}`);
      return;
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const lineStart = this.text.lastIndexOf('\n', last.range![0] - 1) + 1;
    const indent = this.text.slice(lineStart, this.text.indexOf('-', lineStart)).length;
    const end = this.endOfNode(last);
    const lastIsFlow = (isMap(last) || isSeq(last)) && (last as YAMLMap).flow;
    // A new entry is written like the one before it: one line after a one-line entry, a block after a block.
    const item = lastIsFlow ? `${' '.repeat(indent)}- ${flow(value)}\n` : blockItem(value, indent, isMap(last));
    this.splice(end, end, item);
  }

  private addPair(mapPath: Path, key: string, value: unknown): void {
    const map = this.node(mapPath);
    if (map === undefined) {
      if (mapPath.length === 0) throw new Error('the file has no block to add to');
      return this.addPair(mapPath.slice(0, -1), String(mapPath[mapPath.length - 1]), { [key]: value });
    }
    if (!isMap(map)) throw new Error(`${mapPath.join('.')} is not a block of fields`);
    const m = map;
    if (m.flow) {
      const close = this.text.lastIndexOf('}', m.range![1]);
      const before = this.text.slice(0, close).trimEnd();
      const sep = m.items.length ? ', ' : ' ';
      this.splice(before.length, close, `${sep}${key}: ${flow(value)} `);
      return;
    }
    const lastPair = m.items[m.items.length - 1] as Pair<Node, Node>;
    const keyNode = lastPair.key;
    const lineStart = this.text.lastIndexOf('\n', keyNode.range![0] - 1) + 1;
    let indent = keyNode.range![0] - lineStart;
    // A map that is a list item ("- key: v") indents its keys past the dash.
    const prefix = this.text.slice(lineStart, keyNode.range![0]);
    if (/^\s*- /.test(prefix)) indent = prefix.length;
    const end = this.endOfNode(lastPair.value ?? keyNode);
    this.splice(end, end, blockPair(key, value, indent));
  }

  /** The offset just after the last line of a node (its trailing comment included). */
  private endOfNode(node: Node): number {
    const end = node.range![2] ?? node.range![1];
    const nl = this.text.indexOf('\n', Math.max(end - 1, 0));
    return nl === -1 ? this.text.length : nl + 1;
  }

  private node(path: Path): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        node = pair?.value ?? (pair ? pair.key : undefined);
        if (pair && pair.value === null) return undefined;
      } else if (isSeq(node)) node = node.items[Number(seg)];
      else return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  private splice(from: number, to: number, insert: string): void {
    // Appending new lines to a file whose last line has no newline: end that line first.
    const needsNewline = from === this.text.length && !this.text.endsWith('\n') && insert.endsWith('\n');
    this.text = this.text.slice(0, from) + (needsNewline ? '\n' : '') + insert + this.text.slice(to);
    this.reparse();
  }

  private reparse(): void {
    this.doc = parseDocument(this.text, { ...YAML_OPTIONS, keepSourceTokens: false });
    if (this.doc.errors.length) throw new Error(`the edit would leave invalid YAML: ${this.doc.errors[0].message}`);
  }
}

const PLAIN = /^[A-Za-z0-9_./@+-][A-Za-z0-9 _./@+:-]*$/;
const LOOKS_TYPED =
  /^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i;

/** A scalar in YAML: plain when that reads back the same, else double-quoted. */
export function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Money) return value.text;
  const s = typeof value === 'string' ? value : (value as { toString(): string }).toString();
  const isDate = /^\d{4}-\d{2}(-\d{2})?$/.test(s);
  if (isDate || (PLAIN.test(s) && !LOOKS_TYPED.test(s) && !/: |:$| #|\s$/.test(s))) return s;
  return JSON.stringify(s);
}

/** An amount written with its currency's decimals (2500.00), read back as the number. */
export class Money {
  constructor(readonly text: string) {}
}

export function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isPlainObject(value))
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return scalar(value);
}

/** A map of plain values reads best on one line, as the data writes them: `{ from: …, to: … }`. */
function isSmall(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    Object.values(value).every((v) => v === undefined || !(isPlainObject(v) || Array.isArray(v)))
  );
}

function blockItem(value: unknown, indent: number, asBlock = false): string {
  const pad = ' '.repeat(indent);
  if (isPlainObject(value) && (asBlock || !isSmall(value))) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries
      .map(([k, v], i) => (i === 0 ? `${pad}- ` : `${pad}  `) + blockPair(k, v, indent + 2).trimStart())
      .join('');
  }
  return `${pad}- ${flow(value)}\n`;
}

function blockPair(key: string, value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (isPlainObject(value) && !isSmall(value)) {
    const inner = Object.entries(value).filter(([, v]) => v !== undefined);
    return `${pad}${key}:\n${inner.map(([k, v]) => blockPair(k, v, indent + 2)).join('')}`;
  }
  if (Array.isArray(value) && value.some(isPlainObject))
    return `${pad}${key}:\n${value.map((v) => blockItem(v, indent + 2)).join('')}`;
  return `${pad}${key}: ${flow(value)}\n`;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Money);
}

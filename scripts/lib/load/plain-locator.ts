/**
 * Where a JSON Pointer is in a text the fast parser read (fast-yaml.ts), found
 * by reading the lines it passes through instead of parsing the whole file
 * again with `yaml`: the text has none of the YAML whose layout is hard to
 * follow (tabs, anchors, tags, block scalars, explicit keys, quotes and
 * brackets running over lines), so block mappings and lists follow their
 * indentation and a flow collection ends on its line. It answers the same
 * offset as PositionMap.offsetOf would (a property test holds the two
 * together); on anything it does not expect it answers undefined, and the
 * caller asks `yaml`.
 */
import { fromPointer } from './pointer.js';

/** White space other than the space and the line break: left to `yaml`. */
const OTHER_SPACE = /[^\S \n]/;

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const QUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** A thrown Bail means "not a layout this reader follows": the caller asks `yaml`. */
class Bail extends Error {}

/** A node of the text: where it starts, and whether it is an empty value (a scalar). */
interface Found {
  offset: number;
  empty?: boolean;
}

export class PlainLocator {
  private readonly lineStarts: number[] = [0];
  private readonly usable: boolean;
  /** The items of each block list met, by the offset of its first '-'. */
  private readonly lists = new Map<number, number[]>();

  constructor(private readonly text: string) {
    this.usable = !OTHER_SPACE.test(text);
    if (!this.usable) return;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The offset PositionMap.offsetOf(pointer, key) gives, or undefined when `yaml` must say. */
  offsetOf(pointer: string, key = false): number | undefined {
    if (!this.usable) return undefined;
    try {
      return this.walk(pointer, key);
    } catch (e) {
      if (e instanceof Bail) return undefined;
      throw e;
    }
  }

  /** Line (1-based) and column (1-based) of an offset, as yaml's LineCounter counts them. */
  at(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  private walk(pointer: string, key: boolean): number {
    const first = this.nextContentLine(0);
    if (first === -1) return 0;
    let node: Found | undefined = { offset: this.lineStarts[first] + this.indent(first) };
    let lastFound = node.offset;
    let keyOffset: number | undefined;
    for (const segment of fromPointer(pointer)) {
      keyOffset = undefined;
      if (node === undefined || node.empty) break;
      const c = this.code(node.offset);
      if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        const step = this.flowChild(node.offset, segment);
        if (!step) break;
        keyOffset = step.key;
        node = step.value;
        lastFound = node ? node.offset : step.key!;
        continue;
      }
      if (this.isDash(node.offset)) {
        const item = this.seqItem(node.offset, segment);
        if (item === undefined) break;
        node = item;
        lastFound = item.offset;
        continue;
      }
      const keyAt = this.keyAt(node.offset);
      if (keyAt === undefined) break; // a scalar
      const pair = this.mapEntry(node.offset, segment);
      if (pair === undefined) break;
      keyOffset = pair.key;
      node = pair.value;
      lastFound = node.offset;
    }
    return key && keyOffset !== undefined ? keyOffset : lastFound;
  }

  // --- lines

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  private lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
  }

  private indent(line: number): number {
    let i = this.lineStarts[line];
    while (this.code(i) === SPACE) i++;
    return i - this.lineStarts[line];
  }

  /** The first line from `line` on holding more than spaces and a comment, or -1. */
  private nextContentLine(line: number): number {
    for (let l = line; l < this.lineStarts.length; l++) {
      const at = this.lineStarts[l] + this.indent(l);
      const c = this.code(at);
      if (c !== -1 && c !== NEWLINE && c !== HASH) return l;
    }
    return -1;
  }

  private lineOf(offset: number): number {
    return this.at(offset).line - 1;
  }

  private isDash(i: number): boolean {
    if (this.code(i) !== DASH) return false;
    const next = this.code(i + 1);
    return next === SPACE || next === NEWLINE || next === -1;
  }

  /** Skips spaces from i. */
  private skipSpaces(i: number): number {
    while (this.code(i) === SPACE) i++;
    return i;
  }

  // --- block collections

  /** The offset of item `segment` of the block list whose first '-' is at `start`. */
  private seqItem(start: number, segment: string): Found | undefined {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0) return undefined;
    const column = start - this.lineStarts[this.lineOf(start)];
    const dashes = this.dashesOf(start, column);
    return index < dashes.length ? this.itemNode(dashes[index], column) : undefined;
  }

  /**
   * The '-' of every item of the block list whose first '-' is at `start`,
   * found once per list: a file's findings are often in many of its items.
   */
  private dashesOf(start: number, column: number): number[] {
    let dashes = this.lists.get(start);
    if (dashes) return dashes;
    dashes = [start];
    // Each next '-' at this column, until anything less indented or a key at this column.
    for (let l = this.nextContentLine(this.lineOf(start) + 1); l !== -1; l = this.nextContentLine(l + 1)) {
      const ind = this.indent(l);
      if (ind < column) break;
      if (ind > column) continue;
      if (!this.isDash(this.lineStarts[l] + ind)) break;
      dashes.push(this.lineStarts[l] + ind);
    }
    this.lists.set(start, dashes);
    return dashes;
  }

  /** The node of the list item whose '-' is at `dash`. */
  private itemNode(dash: number, column: number): Found {
    const at = this.skipSpaces(dash + 1);
    const c = this.code(at);
    if (c !== NEWLINE && c !== -1 && c !== HASH) return { offset: at };
    const next = this.nextContentLine(this.lineOf(dash) + 1);
    if (next === -1 || this.indent(next) <= column) throw new Bail(); // an empty item
    return { offset: this.lineStarts[next] + this.indent(next) };
  }

  /** The key (its offset) and value of key `segment` in the block mapping whose first key is at `start`. */
  private mapEntry(start: number, segment: string): { key: number; value: Found } | undefined {
    const column = start - this.lineStarts[this.lineOf(start)];
    let keyStart = start;
    let line = this.lineOf(start);
    for (;;) {
      const k = this.keyAt(keyStart);
      if (k === undefined) throw new Bail(); // a line at the keys' indentation that is not a key
      if (k.name === segment) return { key: keyStart, value: this.valueAfter(k.colon, column) };
      let found = -1;
      for (let l = this.nextContentLine(line + 1); l !== -1; l = this.nextContentLine(l + 1)) {
        const ind = this.indent(l);
        if (ind < column) break;
        // Deeper lines are values; a '-' at the keys' column is a list that is a key's value.
        if (ind > column || this.isDash(this.lineStarts[l] + ind)) continue;
        found = l;
        break;
      }
      if (found === -1) return undefined;
      line = found;
      keyStart = this.lineStarts[line] + column;
    }
  }

  /** The value of the block mapping key whose ':' is at `colon`. */
  private valueAfter(colon: number, column: number): Found {
    const at = this.skipSpaces(colon + 1);
    const c = this.code(at);
    if (c !== NEWLINE && c !== -1 && c !== HASH) {
      if (this.isDash(at)) throw new Bail();
      return { offset: at };
    }
    const next = this.nextContentLine(this.lineOf(colon) + 1);
    if (next !== -1) {
      const ind = this.indent(next);
      const first = this.lineStarts[next] + ind;
      if (ind > column || (ind === column && this.isDash(first))) return { offset: first };
    }
    // An empty value: yaml places it after the spaces following the ':'.
    return { offset: at, empty: true };
  }

  /** The implicit key starting at `start` (its name as the data spells it, and its ':'), or undefined. */
  private keyAt(start: number): { name: string; colon: number } | undefined {
    const t = this.text;
    const c = this.code(start);
    if (c === QUOTE || c === DQUOTE) {
      const end = this.quotedEnd(start);
      const colon = this.skipSpaces(end);
      if (this.code(colon) !== COLON) return undefined;
      if (!this.endsToken(colon + 1)) throw new Bail();
      return { name: this.quotedValue(start, end), colon };
    }
    const lineEnd = this.lineEnd(this.lineOf(start));
    for (let i = start; i < lineEnd; i++) {
      const ch = t.charCodeAt(i);
      if (ch === HASH && i > start && t.charCodeAt(i - 1) === SPACE) return undefined;
      if (ch === COLON && this.endsToken(i + 1)) return { name: plainKey(t.slice(start, i).trimEnd()), colon: i };
    }
    return undefined;
  }

  private endsToken(i: number): boolean {
    const c = this.code(i);
    return c === SPACE || c === NEWLINE || c === -1;
  }

  /** The offset just past the quoted scalar starting at `start` (on its line: the fast parser made sure). */
  private quotedEnd(start: number): number {
    const t = this.text;
    const q = t.charCodeAt(start);
    for (let i = start + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === NEWLINE) throw new Bail();
      if (q === DQUOTE && c === BACKSLASH) i++;
      else if (c === q) {
        if (q === QUOTE && t.charCodeAt(i + 1) === QUOTE) i++;
        else return i + 1;
      }
    }
    throw new Bail();
  }

  private quotedValue(start: number, end: number): string {
    const inner = this.text.slice(start + 1, end - 1);
    if (this.text.charCodeAt(start) === QUOTE) return inner.replace(/''/g, "'");
    if (inner.includes('\\')) throw new Bail(); // escapes: left to yaml
    return inner;
  }

  // --- flow collections (on one line)

  /**
   * The child `segment` of the flow collection at `open`: for a mapping its
   * key's offset and its value (undefined for a key without one), for a list
   * its item.
   */
  private flowChild(open: number, segment: string): { key?: number; value?: Found } | undefined {
    const isMap = this.code(open) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const index = isMap ? -1 : Number(segment);
    if (!isMap && (!Number.isInteger(index) || index < 0)) return undefined;
    let i = this.skipFlowSpace(open + 1);
    for (let n = 0; this.code(i) !== close; n++) {
      if (this.code(i) === COMMA) throw new Bail(); // an empty entry
      const entry = i;
      const end = this.flowNodeEnd(entry);
      let after = this.skipFlowSpace(end);
      if (this.code(after) === COLON) {
        // A pair: in a list it is a one-pair mapping (left to yaml); in a mapping, key: value.
        if (!isMap) throw new Bail();
        const valueAt = this.skipFlowSpace(after + 1);
        const vc = this.code(valueAt);
        if (vc === COMMA || vc === close) throw new Bail(); // an empty value
        const name = this.flowKeyName(entry, end);
        if (name === segment) return { key: entry, value: { offset: valueAt } };
        after = this.skipFlowSpace(this.flowNodeEnd(valueAt));
      } else if (isMap) {
        throw new Bail(); // a key without a value
      } else if (n === index) {
        return { value: { offset: entry } };
      }
      if (this.code(after) === COMMA) i = this.skipFlowSpace(after + 1);
      else if (this.code(after) === close) i = after;
      else throw new Bail();
    }
    return undefined;
  }

  private skipFlowSpace(i: number): number {
    const c = this.code(this.skipSpaces(i));
    if (c === NEWLINE || c === HASH || c === -1) throw new Bail();
    return this.skipSpaces(i);
  }

  /** Just past the flow node starting at `start`: a quoted or plain scalar or a nested collection. */
  private flowNodeEnd(start: number): number {
    const t = this.text;
    const c = this.code(start);
    if (c === QUOTE || c === DQUOTE) return this.quotedEnd(start);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      let depth = 0;
      for (let i = start; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        if (ch === NEWLINE) throw new Bail();
        if ((ch === QUOTE || ch === DQUOTE) && isFlowTokenStart(t.charCodeAt(i - 1))) {
          // A quote opens a scalar only where one can start; elsewhere (it's) it is text.
          i = this.quotedEnd(i) - 1;
        } else if (ch === OPEN_SQUARE || ch === OPEN_CURLY) depth++;
        else if (ch === CLOSE_SQUARE || ch === CLOSE_CURLY) {
          if (--depth === 0) return i + 1;
        } else if (ch === HASH && t.charCodeAt(i - 1) === SPACE) throw new Bail();
      }
      throw new Bail();
    }
    // A plain scalar ends at a flow indicator, at ': ' (or ':' before one), or at ' #'.
    let end = start;
    for (let i = start; i < t.length; i++) {
      const ch = t.charCodeAt(i);
      if (ch === NEWLINE || ch === COMMA || ch === OPEN_SQUARE || ch === CLOSE_SQUARE) break;
      if (ch === OPEN_CURLY || ch === CLOSE_CURLY) break;
      if (ch === COLON) {
        const next = this.code(i + 1);
        if (next === SPACE || next === COMMA || next === NEWLINE || next === -1) break;
        if (next === OPEN_SQUARE || next === CLOSE_SQUARE || next === OPEN_CURLY || next === CLOSE_CURLY) break;
      }
      if (ch === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (ch !== SPACE) end = i + 1;
    }
    if (end === start) throw new Bail();
    return end;
  }

  private flowKeyName(start: number, end: number): string {
    const c = this.code(start);
    if (c === QUOTE || c === DQUOTE) return this.quotedValue(start, end);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) throw new Bail();
    return plainKey(this.text.slice(start, end));
  }
}

function isFlowTokenStart(c: number): boolean {
  return c === SPACE || c === OPEN_SQUARE || c === OPEN_CURLY || c === COMMA;
}

/**
 * A plain key as the data spells it: numbers and booleans as the schema
 * reads them (fast-yaml.ts), so that `1.50:` is the key "1.5".
 */
function plainKey(s: string): string {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) throw new Bail();
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return 'true';
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return 'false';
  if (/^[-+]?[0-9]+$/.test(s)) return String(Number.parseInt(s, 10));
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return String(Number.parseFloat(s));
  return s;
}

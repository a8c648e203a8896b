/** Maps a JSON Pointer inside a parsed YAML document back to line and column. */
import { type Document, type LineCounter, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { fromPointer } from './pointer.js';

export interface Position {
  line: number;
  column: number;
}

export class PositionMap {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Where a character offset of the parsed text is in the file. */
  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /**
   * The position of the value at `pointer`, or of its key when `key` is set
   * (unknown fields, misspelt keys). A pointer to something absent (a missing
   * required field) lands on the closest ancestor that exists.
   */
  locate(pointer: string, key = false): Position {
    return this.at(this.offsetOf(pointer, key));
  }

  /** The character offset of what `locate` points at. */
  offsetOf(pointer: string, key = false): number {
    let node: unknown = this.doc?.contents;
    let keyNode: Node | undefined;
    let lastFound: Node | undefined = isNode(node) ? node : undefined;
    for (const segment of fromPointer(pointer)) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
        // `key:` with no value has no value node; the key is the place to point at.
        lastFound = isNode(node) && node.range ? node : keyNode;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!isNode(item)) break;
        node = item;
        lastFound = item;
      } else break;
    }
    const target = key && keyNode ? keyNode : lastFound;
    return target?.range ? target.range[0] : 0;
  }
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

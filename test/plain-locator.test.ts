/**
 * Findings in a file the fast parser read are located by following its lines
 * (load/plain-locator.ts) rather than by parsing it again with `yaml`. Every
 * answer must be the one `yaml` gives: on random documents, for every value
 * of the data, its key, and places that are not there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { damage, styles, value } from './helpers/yaml-documents.js';
import { parseFast } from '../scripts/lib/load/fast-yaml.js';
import { PlainLocator } from '../scripts/lib/load/plain-locator.js';
import { toPointer, type Segment } from '../scripts/lib/load/pointer.js';
import { parseYaml } from '../scripts/lib/load/yaml-text.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);

/** Every pointer into the data, and for each a child that is not there. */
function pointers(data: unknown, path: Segment[] = []): string[] {
  const here = [toPointer(path), toPointer([...path, 'absent']), toPointer([...path, 7])];
  if (Array.isArray(data)) return [...here, ...data.flatMap((v, i) => pointers(v, [...path, i]))];
  if (typeof data === 'object' && data !== null)
    return [...here, ...Object.entries(data).flatMap(([k, v]) => pointers(v, [...path, k]))];
  return here;
}

/** Comment lines and blank lines put between a document's lines, as people annotate records. */
const annotate = fc.array(fc.tuple(fc.nat(), fc.constantFrom('# note', '  # indented note', '', '    ')), {
  maxLength: 3,
});

function withLines(doc: string, extra: [number, string][]): string {
  const lines = doc.split('\n');
  for (const [at, line] of extra) lines.splice(at % (lines.length + 1), 0, line);
  return lines.join('\n');
}

/** The locator's answers, each checked against yaml's; how many it gave. */
function agree(doc: string): number {
  const fast = parseFast(doc);
  if (!fast) return 0;
  const map = parseYaml(doc).positions;
  const locator = new PlainLocator(doc);
  let answered = 0;
  for (const pointer of pointers(fast.data))
    for (const key of [false, true]) {
      const offset = locator.offsetOf(pointer, key);
      if (offset === undefined) continue;
      answered++;
      expect([pointer, key, offset]).toEqual([pointer, key, map.offsetOf(pointer, key)]);
      expect(locator.at(offset)).toEqual(map.at(offset));
    }
  return answered;
}

describe('the line locator', () => {
  it('answers as yaml does, on every document the fast parser reads', () => {
    let answered = 0;
    fc.assert(
      fc.property(value, styles, damage, annotate, (v, style, hurt, extra) => {
        answered += agree(withLines(hurt(stringify(v, style)), extra));
      }),
      { numRuns: RUNS * 2 },
    );
    // It says something only if it answered often.
    expect(answered).toBeGreaterThan(RUNS * 2);
  });

  it.each([
    ['a:\nb: 1\n', '/a', 2],
    ['a:   # c\nb: 1\n', '/a', 5],
    ['a:\n  # c\n  b: 1\n', '/a', 11],
    ['a:\n# c\n- 1\n', '/a/0', 9],
    ['- a: 1\n  b: 2\n', '/0/b', 12],
    ['- - x\n  - y\n', '/0/1', 10],
    ['a: {b: 1, "c": [1, 2]}', '/a/c/1', 19],
    ['1.50: x\n012: y\nTrue: z', '/12', 13],
    ["'it''s': 2", "/it's", 9],
    ['- a\n  - b', '/1', 0],
    ['\nid: p1\nhubs:\n  - { id: h1, cloud: gcp }\n', '/hubs/0/cloud', 35],
  ])('in %j finds %s at %i', (doc, pointer, offset) => {
    expect(parseYaml(doc).positions.offsetOf(pointer)).toBe(offset);
    expect(new PlainLocator(doc).offsetOf(pointer)).toBe(offset);
  });

  it('leaves to yaml what it does not follow', () => {
    expect(new PlainLocator('a: "x\\ty"\n"k\\u0041": 1').offsetOf('/kA')).toBeUndefined();
    expect(new PlainLocator('a:\u00a0x').offsetOf('/a')).toBeUndefined();
    expect(new PlainLocator('a: [b: 1]').offsetOf('/a/0/b')).toBeUndefined();
  });
});

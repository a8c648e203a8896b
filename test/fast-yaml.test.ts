/**
 * The loader reads most files with js-yaml (fast) and the rest with `yaml`
 * (located faults). The two must agree: on random documents — valid ones in
 * every style and damaged ones — whenever the fast parser gives data, the
 * located parser gives the same data and no error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { damage, styles, value } from './helpers/yaml-documents.js';
import { closesOnItsLine, parseFast, UNUSUAL } from '../scripts/lib/load/fast-yaml.js';
import { parseYaml, readYaml } from '../scripts/lib/load/yaml-text.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);

describe('the fast and the located YAML parser', () => {
  it('agree on every document the fast one reads', () => {
    let fastReads = 0;
    fc.assert(
      fc.property(value, styles, damage, (v, style, hurt) => {
        const doc = hurt(stringify(v, style));
        const fast = parseFast(doc);
        if (!fast) return;
        fastReads++;
        const located = parseYaml(doc);
        expect(located.faults.filter((f) => f.severity !== 'warning')).toEqual([]);
        expect(fast.data).toEqual(located.data);
      }),
      { numRuns: RUNS },
    );
    // The property says something only if the fast parser read most documents.
    expect(fastReads).toBeGreaterThan(RUNS / 3);
  });

  it.each([
    [
      'a: 0x10\nb: 0o17\nc: 1e3\nd: .inf\ne: -.5\nf: 012',
      { a: '0x10', b: '0o17', c: '1e3', d: '.inf', e: -0.5, f: 12 },
    ],
    ['d: 2026-01-31\nt: True\nn: ~\ns: yes', { d: '2026-01-31', t: true, n: null, s: 'yes' }],
    ['', null],
    ['# only a comment\n', null],
  ])('read %j the same way', (doc, expected) => {
    expect(parseFast(doc)?.data).toEqual(expected);
    expect(parseYaml(doc).data).toEqual(expected);
  });

  it.each([
    ['a: 1\na: 2\n', 'duplicate-key', 2, 1],
    ['a:\n\t- b\n', 'yaml-tab', 2, 1],
    ['x: &a [1]\ny: *a\n', undefined, 0, 0],
    ['__proto__: 1\n', 'unsafe-key', 1, 1],
    ['a: [1, 2\n', 'yaml-syntax', 2, 1],
  ])('leave %j to the located parser, which finds its faults', (doc, rule, line, column) => {
    const read = readYaml(doc);
    if (rule === undefined) expect(read.faults).toEqual([]);
    else expect(read.faults.map((f) => [f.rule, f.line, f.column])).toEqual([[rule, line, column]]);
  });

  // The fast path only asks whether anything is wrong (isPlainData); the located parser finds and words it.
  it.each([
    [64, []],
    [65, [['yaml-syntax', 65, 131]]],
  ])('take data nested %i deep from the fast parser only within MAX_DEPTH', (depth, faults) => {
    // Maps nested depth - 1 deep (the file's own at depth 0) hold a list whose one entry, a map, is at `depth`.
    const doc =
      Array.from({ length: depth - 1 }, (_, i) => `${'  '.repeat(i)}a:\n`).join('') +
      `${'  '.repeat(depth - 1)}- x: 1\n`;
    expect(parseFast(doc)).toBeDefined();
    const read = readYaml(doc);
    expect(read.faults.map((f) => [f.rule, f.line, f.column])).toEqual(faults);
    expect(read.fast).toBe(faults.length === 0 ? true : undefined);
  });

  it.each(['- [1, { b: { constructor: 1 } }]\n', 'a:\n  - b:\n      prototype: 1\n'])(
    'leave %j, a nested unsafe key, to the located parser',
    (doc) => {
      expect(parseFast(doc)).toBeDefined();
      const read = readYaml(doc);
      expect(read.fast).toBeUndefined();
      expect(read.faults.map((f) => f.rule)).toEqual(['unsafe-key']);
    },
  );

  it('resolve every plain scalar as the located parser does (null, true/false, plain integers and decimals)', () => {
    const char = fc.constantFrom(...'0123456789+-.~nNulLtTrRuUeEfFaAsSxob_'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const doc = `v: ${chars.join('')}\n`;
        const fast = parseFast(doc);
        if (!fast) return;
        expect(fast.data).toEqual(parseYaml(doc).data);
      }),
      { numRuns: RUNS * 25 },
    );
  });

  it('send the same texts to the located parser as the unusual-YAML expression written one construct a line', () => {
    const char = fc.constantFrom(...'\t \n-?:#&*!~[]{},\'"|>+0.nulNUL'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(UNUSUAL.test(text)).toBe(UNUSUAL_ONE_A_LINE.test(text));
      }),
      { numRuns: RUNS * 25 },
    );
  });

  it('find the same unclosed lines as a walk of every line', () => {
    const char = fc.constantFrom(...'"\'[]{}#\\:-,? a\n\n\r\t\u2028\u00a0'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(closesOnItsLine(text)).toBe(walkEveryLine(text));
      }),
      { numRuns: RUNS * 25 },
    );
  });
});

/** closesOnItsLine as it was before ODD_LINE skipped the plain lines: every line walked, the reference. */
function walkEveryLine(text: string): boolean {
  if (!/["'[{]/.test(text)) return true;
  const isSpace = (c: string) => /\s/.test(c);
  for (const line of text.split('\n')) {
    let quote = '';
    let depth = 0;
    let last = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = '';
      } else if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = '';
      } else if (
        (c === '"' || c === "'") &&
        (last === '' || ':-[{,?'.includes(last)) &&
        (i === 0 || isSpace(line[i - 1]) || '[{,'.includes(line[i - 1]))
      ) {
        quote = c;
      } else if (c === '#' && (i === 0 || isSpace(line[i - 1]))) {
        break;
      } else if (!isSpace(c)) {
        if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') depth--;
        last = c;
      }
    }
    if (quote || depth !== 0) return false;
  }
  return true;
}

/** UNUSUAL before its alternatives were grouped by how they start: the reference. */
const UNUSUAL_ONE_A_LINE = new RegExp(
  [
    String.raw`\t`,
    String.raw`(?:^|[\s[{,])[&*!]`,
    String.raw`^\s*(?:- )*\?(?:\s|$)`,
    String.raw`[\]}]\s*:(?:\s|$)`,
    String.raw`(?:^|[\s[{,])(?:~|null|Null|NULL)?:(?:[\s,\]}]|$)`,
    String.raw`^(?:---|\.\.\.)`,
    String.raw`['"\]}]#`,
    String.raw`(?:^|\s)-[ ]+#`,
    String.raw`^[ ]*(?:-[ ]+)*-[ ]*$`,
    String.raw`(?:^|[\s:-])[|>][-+0-9]*[ ]*(?:#.*)?$`,
  ].join('|'),
  'm',
);

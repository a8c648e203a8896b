/**
 * The loader reads most files with js-yaml (fast) and the rest with `yaml`
 * (located faults). The two must agree: on random documents — valid ones in
 * every style and damaged ones — whenever the fast parser gives data, the
 * located parser gives the same data and no error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseFast } from '../scripts/lib/load/fast-yaml.js';
import { parseYaml, readYaml } from '../scripts/lib/load/yaml-text.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);

const key = fc.oneof(
  fc.constantFrom(
    'id',
    'amount',
    'date',
    'per',
    'status',
    'notes',
    'hubs',
    'from',
    'to',
    'null',
    'true',
    '1',
    'a b',
    'x:y',
    '#tag',
    'é',
  ),
  fc.string({ maxLength: 6 }),
);
const text = fc.oneof(
  fc.constantFrom(
    '2026-01-31',
    '2026-13-45',
    '0x10',
    '0o17',
    '1e3',
    '.inf',
    '-.5',
    '5.',
    '012',
    '+7',
    'yes',
    'No',
    '~',
    'null',
    'True',
    '',
    ' ',
    'a: b',
    '- x',
    '# c',
    "it's",
    '"q"',
    'R&D',
    '*x',
    '&y',
    '!t',
    '[a]',
    '{a}',
    'line\nbreak',
    'tab\there',
    'ü',
    '🙂',
  ),
  fc.string({ maxLength: 12 }),
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 1234.5, 2500, -3, 1e21),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

const styles = fc.record({
  flowLevel: fc.constantFrom(undefined, 0, 1, 2),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  indent: fc.constantFrom(2, 4),
});

/** Damage of the kind people do by hand: a character removed, inserted or a line doubled. */
const damage = fc.oneof(
  fc.constant((s: string) => s),
  fc.tuple(fc.nat(), fc.constantFrom(':', '-', ' ', '\n', '"', "'", '[', '{', '}', '#', '\t', '  ')).map(
    ([at, c]) =>
      (s: string) =>
        s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)),
  ),
  fc.nat().map((at) => (s: string) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + 1)),
  fc.nat().map((at) => (s: string) => {
    const lines = s.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  }),
);

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
});

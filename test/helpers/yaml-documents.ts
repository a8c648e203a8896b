/**
 * Random YAML documents for the property tests of the loader: values of every
 * shape, written in every style, and damaged as people damage them by hand.
 */
import fc from 'fast-check';

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
export const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

export const styles = fc.record({
  flowLevel: fc.constantFrom(undefined, 0, 1, 2),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  indent: fc.constantFrom(2, 4),
});

/** Damage of the kind people do by hand: a character removed, inserted or a line doubled. */
export const damage = fc.oneof(
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

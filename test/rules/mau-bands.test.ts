/** mau-bands: bands in increasing up_to, only the last open; in a price book and on a metered fee. */
import { rule } from '../../scripts/lib/check/rules/mau-bands.js';
import { bookFile } from '../helpers/pricing.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const C = 'partners/alpha/contracts/alpha-2025.yaml';
const HOSTING = '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }';
// The contract's own bands, block style: line 10 '- id: usage', 14 first band, 15 second, 16 third.
const ownBands = (second: string, third = '{ price: 0 }') =>
  baseWith(C, [
    HOSTING,
    [
      '  - id: usage',
      '    description: Monthly active users',
      '    metered: mau',
      '    bands:',
      '      - { up_to: 50, price: 4 }',
      `      - ${second}`,
      `      - ${third}`,
    ].join('\n'),
  ]);

testRule(rule, {
  valid: [
    { name: 'the book of SPEC-2 A: 10, 100, 1000, 10000, then open', files: bookFile('2025-01', '2025-01-01') },
    {
      name: 'a single open band (one price for everyone)',
      files: bookFile('2025-01', '2025-01-01', [
        [10, 100, 1000, 10000].map((n, i) => `  - { up_to: ${n}, price: ${[10, 5, 2.5, 1.25][i]} }\n`).join(''),
        '',
      ]),
    },
    {
      name: "a metered fee's own bands, increasing by one user (50 then 51)",
      files: ownBands('{ up_to: 51, price: 2 }'),
    },
  ],
  invalid: [
    {
      // Line 9 '  - { up_to: 10, price: 5 }': 'up_to: ' ends at column 13, the value is at 14.
      name: 'a book band not above the one before (10 after 10)',
      files: bookFile('2025-01', '2025-01-01', ['{ up_to: 100, price: 5 }', '{ up_to: 10, price: 5 }']),
      errors: [{ messageId: 'notIncreasing', at: 'pricing/2025-01.yaml:9:14' }],
    },
    {
      // Line 9 '  - { price: 5 }': the band itself, at column 5.
      name: 'an open band before the last',
      files: bookFile('2025-01', '2025-01-01', ['{ up_to: 100, price: 5 }', '{ price: 5 }']),
      errors: [{ messageId: 'openNotLast', at: 'pricing/2025-01.yaml:9:5' }],
    },
    {
      name: 'a last band with up_to',
      files: bookFile('2025-01', '2025-01-01', ['{ price: 0 }', '{ up_to: 20000, price: 0 }']),
      errors: [{ messageId: 'lastBounded', at: 'pricing/2025-01.yaml:12:14' }],
    },
    {
      // Line 15 '      - { up_to: 50, price: 2 }': the value after 'up_to: ' at column 18.
      name: "a metered fee's own bands repeating 50",
      files: ownBands('{ up_to: 50, price: 2 }'),
      errors: [{ messageId: 'notIncreasing', at: `${C}:15:18` }],
    },
  ],
});

/**
 * contract-tier: the tier must be in the book in force at `signed` (alpha-2025
 * is signed 2025-02-01). A book change the day after signing leaves the
 * contract on the old book; a change on the signing day puts it on the new one.
 */
import { rule } from '../../scripts/lib/check/rules/contract-tier.js';
import { bookFile } from '../helpers/pricing.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const C = 'partners/alpha/contracts/alpha-2025.yaml';
const HUBS = 'hubs: [alpha-hub]';
const general = baseWith(C, [HUBS, `${HUBS}\ntier: general`]);
// The second book renames the tier 'general' to 'member'.
const renamed = (from: string) => bookFile('2025-02', from, ['id: general, name: General', 'id: member, name: Member']);
const metered = baseWith(C, [
  '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
  '  - { id: usage, description: Monthly active users, metered: mau }',
]);

testRule(rule, {
  valid: [
    { name: 'no tier and no book' },
    { name: 'a tier of the book in force', files: { ...general, ...bookFile('2025-01', '2025-01-01') } },
    {
      name: 'the book changes the day after signing: the old book prices the contract',
      files: { ...general, ...bookFile('2025-01', '2025-01-01'), ...renamed('2025-02-02') },
    },
    {
      name: 'a metered fee with its own bands needs no book',
      files: baseWith(C, [
        '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }',
        '  - { id: usage, description: Users, metered: mau, bands: [{ price: 1 }] }',
      ]),
    },
    { name: 'a metered fee on the book in force', files: { ...metered, ...bookFile('2025-01', '2025-01-01') } },
  ],
  invalid: [
    {
      // Line 14 'tier: general': the value at column 7.
      name: 'the book changes on the signing day and drops the tier',
      files: { ...general, ...bookFile('2025-01', '2025-01-01'), ...renamed('2025-02-01') },
      errors: [{ messageId: 'unknownTier', at: `${C}:14:7` }],
    },
    {
      name: 'a tier before the first book',
      files: { ...general, ...bookFile('2025-02', '2025-02-02') },
      errors: [{ messageId: 'noBook', at: `${C}:14:7` }],
    },
    {
      // Line 10 '  - { id: usage, description: Monthly active users, metered: mau }': 'mau' at column 62.
      name: 'a metered fee on the default bands with no book in force',
      files: metered,
      errors: [{ messageId: 'noBook', at: `${C}:10:62` }],
    },
  ],
});

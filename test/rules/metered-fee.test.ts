/** metered-fee: fixed (amount and per) or metered, never both; bands and cap only when metered; hubs to meter. */
import { rule } from '../../scripts/lib/check/rules/metered-fee.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const C = 'partners/alpha/contracts/alpha-2025.yaml';
const HOSTING = '  - { id: hosting, description: Hub hosting, amount: 1000, per: month }';
const fee = (text: string, ...more: [string, string][]) =>
  baseWith(C, [HOSTING, `  - { id: hosting, description: Hub hosting, ${text} }`], ...more);

testRule(rule, {
  valid: [
    { name: 'the base fixture: a fixed fee' },
    { name: 'a metered fee with a cap on a contract with hubs', files: fee('metered: mau, cap: 2000') },
  ],
  invalid: [
    {
      // Line 10: '  - { id: hosting, description: Hub hosting, ' is 45 characters: the key 'amount' at column 46.
      name: 'amount and per with metered',
      files: fee('amount: 1000, per: month, metered: mau'),
      errors: [{ messageId: 'both', at: `${C}:10:46` }],
    },
    {
      // The fee itself, at column 5.
      name: 'per without amount',
      files: fee('per: month'),
      errors: [{ messageId: 'neither', at: `${C}:10:5` }],
    },
    {
      // 45 + 'amount: 1000, ' (14) + 'per: month, ' (12) = 71: the key 'cap' at column 72.
      name: 'a cap on a fixed fee',
      files: fee('amount: 1000, per: month, cap: 5'),
      errors: [{ messageId: 'onlyMetered', at: `${C}:10:72` }],
    },
    {
      // 45 + 'metered: ' (9) = 54: 'mau' at column 55.
      name: 'a metered fee on a contract without hubs',
      files: fee('metered: mau', ['hubs: [alpha-hub]\n', '']),
      errors: [{ messageId: 'noHubs', at: `${C}:10:55` }],
    },
  ],
});

/** markup-without-pass-through: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/markup-without-pass-through.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture: a markup on pass-through cloud' },
    {
      name: 'included cloud without a markup',
      files: {
        ...baseWith('partners/alpha/contracts/alpha-2025.yaml', [
          'cloud: { billing: pass-through, markup_pct: 10 }',
          'cloud: { billing: included }',
        ]),
      },
    },
  ],
  invalid: [
    brokenCase('markup-without-pass-through', [
      { messageId: 'noEffect', at: 'partners/alpha/contracts/alpha-2025.yaml:11:41' },
    ]),
  ],
});

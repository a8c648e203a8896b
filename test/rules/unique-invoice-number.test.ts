/** unique-invoice-number: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/unique-invoice-number.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: one invoice per number' }],
  invalid: [
    brokenCase('unique-invoice-number', [
      { messageId: 'duplicate', at: 'partners/alpha/invoices.yaml:10:11' },
      { messageId: 'duplicate', at: 'partners/alpha/invoices.yaml:1:11' },
    ]),
  ],
});

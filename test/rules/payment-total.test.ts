/** payment-total: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/payment-total.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: payments up to the amount exactly' }],
  invalid: [brokenCase('payment-total', [{ messageId: 'overpaid', at: 'partners/alpha/invoices.yaml:10:35' }])],
});

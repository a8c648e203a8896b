/** invoice-currency: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/invoice-currency.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: "the base fixture: invoices in the contract's currency" }],
  invalid: [brokenCase('invoice-currency', [{ messageId: 'otherCurrency', at: 'partners/alpha/invoices.yaml:13:13' }])],
});

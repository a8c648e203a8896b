/** invoice-contract: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/invoice-contract.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: "the base fixture: invoices name the partner's own contract" }],
  invalid: [
    brokenCase('invoice-contract', [{ messageId: 'unknown', at: 'partners/alpha/invoices.yaml:11:13' }]),
    {
      name: "an invoice naming another partner's contract",
      files: {
        ...baseWith('partners/alpha/invoices.yaml', [
          '  contract: alpha-2025\n  issued: 2025-04-01',
          '  contract: beta-draft\n  issued: 2025-04-01',
        ]),
      },
      errors: [{ messageId: 'otherPartner', at: 'partners/alpha/invoices.yaml:11:13' }],
    },
  ],
});

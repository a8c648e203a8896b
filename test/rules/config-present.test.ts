/** config-present: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/config-present.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the base fixture' },
    {
      name: 'a config with only the required fields and what the data needs',
      files: {
        ...{
          'ops.config.yaml':
            'organization: Org\nreporting_currency: USD\nfx: { CAD: [{ from: 2025-01, rate: 0.75 }] ' +
            '}\nonboarding_checklist: [{ id: kickoff, title: Kickoff }]\n',
        },
      },
    },
  ],
  invalid: [brokenCase('config-present', [{ messageId: 'missing', at: 'ops.config.yaml:1:1' }])],
});

/** deliverable-done: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/deliverable-done.js';
import { brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ name: 'the base fixture: a done report needs no evidence' }],
  invalid: [
    brokenCase('deliverable-done', [
      { messageId: 'noDate', at: 'grants/g1/deliverables.yaml:13:11' },
      { messageId: 'noEvidence', at: 'grants/g1/deliverables.yaml:13:11' },
    ]),
  ],
});

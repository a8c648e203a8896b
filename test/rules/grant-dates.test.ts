/** grant-dates: silent at its boundary; every mistake reported by message id and place. */
import { rule } from '../../scripts/lib/check/rules/grant-dates.js';
import { baseWith, brokenCase, testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'a submitted grant needs no award dates',
      files: {
        ...baseWith(
          'grants/g1/grant.md',
          ['status: active', 'status: submitted'],
          ['awarded: 2025-01-15\nstart: 2025-02-01\nend: 2026-12-31\n', ''],
        ),
      },
    },
  ],
  invalid: [brokenCase('grant-dates', [{ messageId: 'missing', at: 'grants/g1/grant.md:5:9' }])],
});

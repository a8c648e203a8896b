import { CONFIG_FILE } from '../../load/layout.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'config-present', severity: 'error', description: 'ops.config.yaml exists at the root of the data.' },
  check({ repo }, report) {
    if (!repo.paths.has(CONFIG_FILE)) {
      report({ file: CONFIG_FILE, pointer: '' }, [], 'ops.config.yaml is missing; create it with at least `organization:` and `reporting_currency:` (see docs/data.md)');
    }
  },
};

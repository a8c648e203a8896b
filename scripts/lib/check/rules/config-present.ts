import { CONFIG_FILE } from '../../load/layout.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'config-present',
    severity: 'error',
    description: 'ops.config.yaml exists at the root of the data.',
    messages: {
      missing: {
        text: 'ops.config.yaml is missing',
        hint: 'create it with at least `organization:` and `reporting_currency:` (see docs/data.md)',
      },
    },
  },
  create({ report }) {
    return {
      repository(repo) {
        if (!repo.paths.has(CONFIG_FILE)) report({ at: { file: CONFIG_FILE, pointer: '' }, messageId: 'missing' });
      },
    };
  },
});

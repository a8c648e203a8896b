/** npm run docs: regenerates the docs that are derived from code and schemas. */
import { join } from 'node:path';
import { TOOL_ROOT, parseCommand, runCommand } from './lib/cli.js';
import { GENERATED_DOCS } from './lib/render/generated-docs.js';
import { writeFileAtomic } from './lib/write/atomic.js';

const spec = {
  name: 'docs',
  summary: `Regenerates the docs made from the code and schemas: ${Object.keys(GENERATED_DOCS).join(', ')}.`,
  usage: '',
  options: {},
} as const;

runCommand(async () => {
  parseCommand(spec);
  for (const [path, render] of Object.entries(GENERATED_DOCS)) {
    writeFileAtomic(join(TOOL_ROOT, path), await render());
    console.log(`wrote ${path}`);
  }
  return 0;
});

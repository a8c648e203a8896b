/**
 * Writes scripts/lib/model/records.generated.ts from schemas/*.schema.json, so
 * the record types are never written twice. A test fails when it is stale.
 */
import { relative } from 'node:path';
import { TOOL_ROOT, parseCommand, runCommand } from './lib/cli.js';
import { renderRecordTypes } from './lib/model/generate.js';
import { RECORD_TYPES_FILE } from './lib/model/schema-files.js';
import { writeFileAtomic } from './lib/write/atomic.js';

const spec = {
  name: 'gen:types',
  summary: `Regenerates the record types, ${relative(TOOL_ROOT, RECORD_TYPES_FILE)}, from schemas/*.schema.json.`,
  usage: '',
  options: {},
} as const;

runCommand(async () => {
  parseCommand(spec);
  writeFileAtomic(RECORD_TYPES_FILE, await renderRecordTypes());
  console.log(`wrote ${RECORD_TYPES_FILE}`);
  return 0;
});

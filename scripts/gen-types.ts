/**
 * Writes scripts/lib/model/records.generated.ts from schemas/*.schema.json, so
 * the record types are never written twice. A test fails when it is stale.
 */
import { renderRecordTypes } from './lib/model/generate.js';
import { RECORD_TYPES_FILE } from './lib/model/schema-files.js';
import { writeFileAtomic } from './lib/write/atomic.js';

writeFileAtomic(RECORD_TYPES_FILE, await renderRecordTypes());
console.log(`wrote ${RECORD_TYPES_FILE}`);

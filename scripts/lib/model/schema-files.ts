/** The schema files that ship with the tool (not read from --root: the code is typed against these). */
import { join } from 'node:path';
import { TOOL_ROOT } from '../tool-root.js';

export const SCHEMA_DIR = join(TOOL_ROOT, 'schemas/');
export const RECORD_TYPES_FILE = join(TOOL_ROOT, 'scripts/lib/model/records.generated.ts');

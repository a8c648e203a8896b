/** The schema files that ship with the tool (not read from --root: the code is typed against these). */
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));
export const RECORD_TYPES_FILE = fileURLToPath(new URL('./records.generated.ts', import.meta.url));

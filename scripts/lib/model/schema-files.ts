/** The schema files that ship with the tool (not read from --root: the code is typed against these). */
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../load/layout.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));
export const RECORD_TYPES_FILE = fileURLToPath(new URL('./records.generated.ts', import.meta.url));

export const SCHEMA_FILE: Record<FileKind, string> = {
  config: 'config.schema.json',
  partner: 'partner.schema.json',
  contract: 'contract.schema.json',
  invoices: 'invoices.schema.json',
  'cloud-costs': 'cloud-costs.schema.json',
  usage: 'usage.schema.json',
  feedback: 'feedback.schema.json',
  'recurring-costs': 'recurring-costs.schema.json',
  grant: 'grant.schema.json',
  deliverables: 'deliverables.schema.json',
};

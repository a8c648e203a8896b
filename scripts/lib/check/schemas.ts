/** ajv, set up once: every schema compiled a single time per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FileKind } from '../load/layout.js';
import { SCHEMA_DIR, SCHEMA_FILE } from '../model/schema-files.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object, whose .default is the plugin.
const addFormats = addFormatsModule.default;

export type Validator = ValidateFunction & { errors?: ErrorObject[] | null };

let ajv: Ajv2020 | undefined;
let validators: Map<FileKind, Validator> | undefined;
const parts = new Map<string, Validator>();

export function schemaFor(kind: FileKind): Validator {
  validators ??= compileAll();
  return validators.get(kind)!;
}

/** The validator of one part of a record, e.g. 'invoices.schema.json#/items/properties/amount'. */
export function schemaAt(ref: string): Validator {
  validators ??= compileAll();
  let v = parts.get(ref);
  if (!v) parts.set(ref, (v = ajv!.compile({ $ref: ref })));
  return v;
}

export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'));
}

function compileAll(): Map<FileKind, Validator> {
  // verbose: errors carry the schema they failed, so messages can quote its description and allowed keys.
  ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv, ['date', 'uri', 'email']);
  ajv.addSchema(readSchema('defs.schema.json'));
  const out = new Map<FileKind, Validator>();
  for (const [kind, file] of Object.entries(SCHEMA_FILE) as [FileKind, string][]) {
    out.set(kind, ajv.compile(readSchema(file)));
  }
  return out;
}

/** ajv, set up once: every schema compiled a single time per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isIsoDate } from '../time/calendar.js';
import { KINDS, type Kinds } from '../model/kinds.js';
import { SCHEMA_DIR } from '../model/schema-files.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object, whose .default is the plugin.
const addFormats = addFormatsModule.default;

export type Validator = ValidateFunction & { errors?: ErrorObject[] | null };

/** How the schemas are compiled; the meta-schema test uses the same, with the schema check on. */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

let ajv: Ajv2020 | undefined;
const validators = new WeakMap<Kinds, Map<string, Validator>>();
const parts = new Map<string, Validator>();

/** The validator of a kind's files (schemas compiled once per kinds table). */
export function schemaFor(kind: string, kinds: Kinds = KINDS): Validator {
  let compiled = validators.get(kinds);
  if (!compiled) validators.set(kinds, (compiled = compileAll(kinds)));
  return compiled.get(kind)!;
}

/** The validator of one part of a record, e.g. 'invoices.schema.json#/items/properties/amount'. */
export function schemaAt(ref: string): Validator {
  schemaFor('config');
  let v = parts.get(ref);
  if (!v) parts.set(ref, (v = ajv!.compile({ $ref: ref })));
  return v;
}

export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
}

function compileAll(kinds: Kinds): Map<string, Validator> {
  if (!ajv) {
    // verbose: errors carry the schema they failed, so messages can quote its description and allowed keys.
    // The schemas are checked against the draft 2020-12 meta-schema by the test suite, not at every run, and
    // the generated code is not optimised: both would only slow every command's start (about 0.15 s).
    ajv = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false, code: { optimize: false } });
    addFormats(ajv, ['date', 'uri', 'email']);
    // Support requests are timed in UTC, written with Z: an offset or a bare date is refused, located.
    ajv.addFormat('utc-date-time', { type: 'string', validate: isUtcDateTime });
    ajv.addSchema(readSchema('defs.schema.json'));
  }
  const out = new Map<string, Validator>();
  for (const [kind, spec] of Object.entries(kinds)) {
    const schema = typeof spec.schema === 'string' ? readSchema(spec.schema) : spec.schema;
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    out.set(kind, (id && ajv.getSchema(id)) || ajv.compile(schema));
  }
  return out;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, a real calendar day and time. */
export function isUtcDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec(text);
  return m !== null && isIsoDate(m[1]);
}

/**
 * ajv, set up once: every schema compiled a single time per process — or, when the command runs from the build
 * in dist/, not at all: bin/build.mjs compiles the validators ahead (precompile.ts), from the same schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { KINDS, type Kinds } from '../model/kinds.js';
import { SCHEMA_DIR } from '../model/schema-files.js';
import { FORMATS } from './formats.js';

/** Set to true by bin/build.mjs (esbuild's define) in the bundle; undeclared when the sources run. */
declare const OPS_BUILD: boolean | undefined;

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
  let v = parts.get(ref);
  if (!v) parts.set(ref, (v = withAllSchemas((ajv ??= newAjv())).compile({ $ref: ref })));
  return v;
}

export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
}

/**
 * An ajv as the schemas are compiled with. verbose: errors carry the schema they failed, so messages can quote
 * its description and allowed keys. The schemas are checked against the draft 2020-12 meta-schema by the test
 * suite, not at every run, and the generated code is not optimised: both would only slow every start.
 */
export function newAjv(code: CodeOptions = {}): Ajv2020 {
  const made = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false, code: { optimize: false, ...code } });
  for (const [name, format] of Object.entries(FORMATS)) made.addFormat(name, format);
  made.addSchema(readSchema('defs.schema.json'));
  return made;
}

/** `made` with every kind's schema of the kinds table added, each under its $id. */
export function withAllSchemas(made: Ajv2020, kinds: Kinds = KINDS): Ajv2020 {
  for (const spec of Object.values(kinds)) {
    const schema = typeof spec.schema === 'string' ? readSchema(spec.schema) : spec.schema;
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    // Added or already compiled (compile registers a schema by its $id too).
    if (!id || !(made.schemas[id] || made.refs[id])) made.addSchema(schema);
  }
  return made;
}

function compileAll(kinds: Kinds): Map<string, Validator> {
  if (kinds === KINDS && typeof OPS_BUILD !== 'undefined') return precompiled();
  ajv ??= newAjv();
  const out = new Map<string, Validator>();
  for (const [kind, spec] of Object.entries(kinds)) {
    const schema = typeof spec.schema === 'string' ? readSchema(spec.schema) : spec.schema;
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    out.set(kind, (id && ajv.getSchema(id)) || ajv.compile(schema));
  }
  return out;
}

/**
 * The validators bin/build.mjs compiled ahead (one export per kind), bundled into the command itself: the build
 * resolves 'ops:validators' to them, so they start from the command's code cache instead of being compiled from
 * dist/validators.cjs at every start (~50 ms). Never reached from the sources.
 */
function precompiled(): Map<string, Validator> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved by the build, see above
  const exports = require('ops:validators') as Record<string, Validator>;
  return new Map(Object.keys(KINDS).map((kind) => [kind, exports[kind]]));
}

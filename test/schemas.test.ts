/** The schemas are the source of truth: types come from them, and they speak to people. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../scripts/lib/check/schemas.js';
import { MINOR_UNITS } from '../scripts/lib/money/currency.js';
import { renderRecordTypes } from '../scripts/lib/model/generate.js';
import { CONTRACT_KINDS, LEAD_SOURCES, PARTNER_TYPES, STAGES } from '../scripts/lib/model/records.js';
import { RECORD_TYPES_FILE, SCHEMA_DIR } from '../scripts/lib/model/schema-files.js';

const schemas = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .map((f) => ({ file: f, schema: JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as SchemaFile }));

/** A schema file as these tests read it: any JSON object, with the currency list in defs.schema.json. */
type SchemaFile = { $defs?: { currency: { enum: string[] } } } & Record<string, unknown>;

/** Every object schema below `node`, with its JSON path. */
function* objectSchemas(node: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (typeof node !== 'object' || node === null) return;
  const n = node as Record<string, unknown>;
  if (n.type === 'object') yield [path, n];
  for (const [k, v] of Object.entries(n)) if (k !== 'enum' && k !== 'default') yield* objectSchemas(v, `${path}/${k}`);
}

describe('schemas', () => {
  it('the generated record types are up to date (run npm run gen:types)', async () => {
    expect(readFileSync(RECORD_TYPES_FILE, 'utf8')).toBe(await renderRecordTypes());
  });

  // The commands skip this check for speed (schemas.ts): it is made here, on every schema file.
  it.each(schemas)('$file: is a valid draft 2020-12 schema', ({ schema }) => {
    const ajv = new Ajv2020(AJV_OPTIONS);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('the meta-schema check refuses a broken schema (so the test above can fail)', () => {
    expect(new Ajv2020(AJV_OPTIONS).validateSchema({ type: 'objekt' })).toBe(false);
  });

  it.each(schemas)('$file: every object forbids unknown keys', ({ schema }) => {
    const open = [...objectSchemas(schema, '#')]
      .filter(([, o]) => o.additionalProperties === undefined && o.propertyNames === undefined)
      .map(([p]) => p);
    expect(open).toEqual([]);
  });

  it.each(schemas)('$file: every property has a title and a description', ({ schema }) => {
    const missing: string[] = [];
    for (const [path, o] of objectSchemas(schema, '#')) {
      for (const [name, prop] of Object.entries((o.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!prop.title || !prop.description) missing.push(`${path}/properties/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every currency the schema accepts has its minor units', () => {
    const defs = schemas.find((s) => s.file === 'defs.schema.json')!.schema;
    expect(Object.keys(MINOR_UNITS).sort()).toEqual([...(defs.$defs?.currency.enum ?? [])].sort());
  });

  it("the lists the commands offer are the schemas' own", () => {
    const props = (file: string) =>
      (schemas.find((s) => s.file === file)!.schema as { properties: Record<string, { enum: string[] }> }).properties;
    expect(PARTNER_TYPES).toEqual(props('partner.schema.json').type.enum);
    expect(STAGES).toEqual(props('partner.schema.json').stage.enum);
    expect(LEAD_SOURCES).toEqual(props('partner.schema.json').source.enum);
    expect(CONTRACT_KINDS).toEqual(props('contract.schema.json').kind.enum);
  });
});

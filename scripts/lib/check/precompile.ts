/**
 * The schema validators compiled ahead, as one CommonJS module with an export per kind: bin/build.mjs writes it
 * to dist/validators.cjs, and the commands run from the build load it instead of compiling every schema at each
 * start (schemas.ts). Compiled by the same ajv set-up; its formats come from dist/formats.cjs, the build of
 * formats.ts, so both ways check the same formats with the same code.
 */
import { _ } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { KINDS } from '../model/kinds.js';
import { newAjv, readSchema, withAllSchemas } from './schemas.js';

export function precompiledValidators(): string {
  // Optimised here, where it costs nothing at run time: ajv's pass over its generated code (constants folded,
  // unused names dropped) makes validating every record ~5 % faster; at run time it would only slow each start.
  const formats = _`require("./formats.cjs").FORMATS`;
  const ajv = withAllSchemas(newAjv({ source: true, optimize: true, formats }));
  const ids = Object.fromEntries(
    Object.entries(KINDS).map(([kind, spec]) => {
      const schema = readSchema(spec.schema);
      if (typeof schema.$id !== 'string') throw new Error(`the schema of ${kind} has no $id to compile it by`);
      return [kind, schema.$id];
    }),
  );
  return standaloneCode.default(ajv, ids);
}

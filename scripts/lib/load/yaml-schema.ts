/**
 * The YAML every data file is read with: YAML 1.2's core schema (dates stay
 * text, `yes`/`no` stay text), but numbers only as people write amounts —
 * plain decimals like 2500 or 1234.50. Hex (0x10), octal (0o17), exponents
 * (1e300), .inf and .nan read as text, so the schema check says "must be a
 * number" at their line instead of a money figure silently becoming 16 or
 * a 300-digit total.
 */
import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

type Tags = Exclude<NonNullable<SchemaOptions['customTags']>, (tags: never) => unknown>;

function plainNumbersOnly(tags: Tags): Tags {
  return tags.filter((t) => {
    if (typeof t !== 'object' || t === null || !('tag' in t)) return true;
    const tag = t as { format?: string; test?: RegExp };
    if (tag.format === 'HEX' || tag.format === 'OCT' || tag.format === 'EXP') return false;
    return !(tag.test && /inf|nan/i.test(String(tag.test)));
  });
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: plainNumbersOnly,
};

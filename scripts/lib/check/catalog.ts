/**
 * Every check id a problem can carry, for the docs: the loader's and the
 * schema's (which are not rule modules) and the business rules'.
 */
import type { RuleMeta } from './rule.js';
import { RULES } from './rules/index.js';

export const FILE_CHECKS: readonly RuleMeta[] = [
  { id: 'unknown-file', severity: 'error', description: 'A file in partners/, grants/ or costs/ that is not a record of any kind (README.md and dotfiles excepted).' },
  { id: 'file-type', severity: 'error', description: 'A symbolic link or a non-regular file in a data folder (links are never followed).' },
  { id: 'file-too-large', severity: 'error', description: 'A file over 10 MiB, refused unread.' },
  { id: 'file-encoding', severity: 'error', description: 'A byte-order mark, invalid UTF-8 or a NUL byte.' },
  { id: 'front-matter', severity: 'error', description: "A Markdown record without a '---' front matter block, or with one left open." },
  { id: 'empty-file', severity: 'error', description: 'A record file with no data (a list file may hold an empty list: []).' },
  { id: 'yaml-syntax', severity: 'error', description: 'YAML that cannot be read, or data nested more than 64 levels deep.' },
  { id: 'yaml-tab', severity: 'error', description: 'A tab used for indentation.' },
  { id: 'duplicate-key', severity: 'error', description: 'The same key twice in one block.' },
  { id: 'yaml-alias', severity: 'error', description: 'Aliases (*name) that expand to more than 100 values (an "alias bomb").' },
  { id: 'unsafe-key', severity: 'error', description: 'A `__proto__`, `constructor` or `prototype` key.' },
];

export const SCHEMA_CHECKS: readonly RuleMeta[] = [
  { id: 'required-field', severity: 'error', description: 'A required field is missing.' },
  { id: 'unknown-field', severity: 'error', description: 'A field the record kind does not have (usually a typo; the message suggests the closest).' },
  { id: 'allowed-values', severity: 'error', description: 'A value outside its list of allowed values (the message suggests the closest).' },
  { id: 'value-type', severity: 'error', description: 'Text where a number is expected, a single value where a list is expected, and so on.' },
  { id: 'value-format', severity: 'error', description: 'A date that is not a real YYYY-MM-DD date, an id that is not a lowercase slug, a malformed link or email.' },
  { id: 'value-range', severity: 'error', description: 'A number out of range (a negative amount, a score over 10) or an empty text.' },
  { id: 'schema', severity: 'error', description: 'Any other way a value does not fit its schema.' },
];

export const ALL_CHECKS = { file: FILE_CHECKS, schema: SCHEMA_CHECKS, rules: RULES.map((r) => r.meta) };

/**
 * ajv errors → problems a person can act on: what is wrong, where, and what a
 * valid value looks like (with "did you mean" for near misses).
 */
import type { ErrorObject } from 'ajv';
import type { SchemaCheckId } from './catalog.js';
import { fromPointer } from '../load/pointer.js';
import { didYouMean } from '../text/suggest.js';

export interface SchemaFinding {
  pointer: string;
  /** Point at the key rather than the value (unknown fields). */
  key: boolean;
  rule: SchemaCheckId;
  message: string;
}

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  type?: string;
  format?: string;
  pattern?: string;
}

export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const finding = describe(e);
    if (!finding) continue;
    const id = `${finding.pointer}\0${finding.rule}\0${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out;
}

function describe(e: ErrorObject): SchemaFinding | undefined {
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const field = fieldName(e.instancePath);
  const value = show(e.data);
  const hint = parent.description ? ` ${parent.description}` : '';
  switch (e.keyword) {
    // "must match the then schema": the error inside `then` says what is wrong, and where.
    case 'if':
      return undefined;
    case 'required': {
      const name = (e.params as { missingProperty: string }).missingProperty;
      const about = parent.properties?.[name]?.description;
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'required-field',
        message: `the required field '${name}' is missing; add it.${about ? ` ${name}: ${about}` : ''}`,
      };
    }
    case 'additionalProperties': {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent.properties ?? {});
      const suggestion = didYouMean(name, known);
      // `{ description: Setup, fixed price, amount: 1 }`: the comma ended the text and the rest became a key.
      const data = e.data as Record<string, unknown>;
      const keys = Object.keys(data ?? {});
      const before = keys[keys.indexOf(name) - 1];
      const splitText =
        / /.test(name) && data?.[name] === null && before
          ? ` It looks like the text of '${before}' cut off by a comma: inside { … } a comma ends a value, ` +
            `so put the whole text in quotes: ${before}: "${String(data[before])}, ${name}".`
          : '';
      return {
        pointer: `${e.instancePath}/${escape(name)}`,
        key: true,
        rule: 'unknown-field',
        message: `unknown field '${name}'.${
          splitText || suggestion || ` The fields allowed here are: ` + `${known.join(', ')}.`
        }`,
      };
    }
    case 'propertyNames':
      // Reported by the nested error on the name itself (enum/pattern below).
      return undefined;
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      const list = allowed.length <= 12 ? ` Allowed values: ${allowed.join(', ')}.` : hint;
      const [pointer, key] = propertyNameTarget(e);
      return {
        pointer,
        key,
        rule: 'allowed-values',
        message: `${value} is not an allowed ${key ? 'key' : `value for '${field}'`}.${suggestion}${list}`,
      };
    }
    case 'type': {
      const want = (e.params as { type: string }).type;
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'value-type',
        message: `'${field}' must be ${article(want)}, but it is ${kindOf(e.data)} (${value}).${hint}`,
      };
    }
    case 'format':
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'value-format',
        message: formatMessage(field, e.data, (e.params as { format: string }).format),
      };
    case 'pattern': {
      const [pointer, key] = propertyNameTarget(e);
      return { pointer, key, rule: 'value-format', message: `${value} is not valid for '${field}'.${hint}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'value-range',
        message: `'${field}' is ${value} but must be ${words[comparison]} ${limit}.${hint}`,
      };
    }
    case 'minLength':
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'value-range',
        message: `'${field}' must not be empty.${hint}`,
      };
    case 'minItems':
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'value-range',
        message: `'${field}' needs at least ${(e.params as { limit: number }).limit} entry.${hint}`,
      };
    default:
      return {
        pointer: e.instancePath,
        key: false,
        rule: 'schema',
        message: `'${field}' ${e.message ?? 'is not valid'}.${hint}`,
      };
  }
}

/** Errors on a key name (propertyNames) point at the key, not its value. */
function propertyNameTarget(e: ErrorObject): [string, boolean] {
  const name = (e.params as { propertyName?: string }).propertyName;
  return name === undefined ? [e.instancePath, false] : [`${e.instancePath}/${escape(name)}`, true];
}

function formatMessage(field: string, data: unknown, format: string): string {
  const value = show(data);
  if (format === 'date') {
    return /^\d{4}-\d{2}-\d{2}$/.test(String(data))
      ? `${value} is not a real calendar date; check the day and month (YYYY-MM-DD, e.g. 2026-02-28).`
      : `${value} is not a date for '${field}'; write YYYY-MM-DD, e.g. 2026-03-31.`;
  }
  if (format === 'utc-date-time') {
    return /[+-]\d{2}:?\d{2}$/.test(String(data))
      ? `${value} has a time-zone offset; write '${field}' in UTC with Z, e.g. 2026-05-02T13:00:00Z ` +
          '(15:00 at +02:00 is 13:00Z).'
      : `${value} is not a UTC date and time for '${field}'; write YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-05-02T13:00:00Z.`;
  }
  if (format === 'email') return `${value} is not an email address for '${field}'; write it like name@example.org.`;
  if (format === 'uri')
    return `${value} is not a full web address for '${field}'; write it like https://example.org/page.`;
  return `${value} is not a valid ${format} for '${field}'.`;
}

function fieldName(pointer: string): string {
  const segments = fromPointer(pointer);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!/^\d+$/.test(segments[i])) return segments[i];
  }
  return segments.length ? 'entry' : 'file';
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function kindOf(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a block of fields';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return typeof v === 'boolean' ? 'a true/false value' : 'text';
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list (lines starting with "- ")',
    object: 'a block of fields',
  };
  return words[type] ?? type;
}

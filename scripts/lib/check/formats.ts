/**
 * The string formats the schemas use, declared once: ajv is given these when it compiles the schemas at run
 * time, and the validators bin/build.mjs compiles ahead require this module's build (dist/formats.cjs).
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Format } from 'ajv';
import { isIsoDate } from '../time/calendar.js';

/** `YYYY-MM-DDTHH:MM:SSZ`, a real calendar day and time. */
function isUtcDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec(text);
  return m !== null && isIsoDate(m[1]);
}

export const FORMATS: Record<string, Format> = {
  date: fullFormats.date,
  uri: fullFormats.uri,
  email: fullFormats.email,
  // Support requests are timed in UTC, written with Z: an offset or a bare date is refused, located.
  'utc-date-time': { type: 'string', validate: isUtcDateTime },
};

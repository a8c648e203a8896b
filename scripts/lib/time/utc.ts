/** Moments in UTC as support requests record them: `YYYY-MM-DDTHH:MM:SSZ`. */
import { isIsoDate } from './calendar.js';

/**
 * A written time as `YYYY-MM-DDTHH:MM:SSZ`: `2026-11-02 14:03`, `2026-11-02T14:03:00Z` or
 * `2026-11-02T14:03:00+01:00` (converted to UTC); a time without an offset is taken as UTC. Undefined when it
 * is not a real date and time.
 */
export function utcOf(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  );
  if (!m || !isIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const offset = !m[5] || m[5] === 'Z' || m[5] === 'UTC' ? '+00:00' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${offset}`).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Now, in UTC, to the second. */
export function utcNow(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

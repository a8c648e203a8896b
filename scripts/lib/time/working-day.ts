/**
 * The support promise: a request is acknowledged within one working day (SPEC-2 B).
 * Working days are Monday to Friday in UTC; there is no holiday calendar (docs/figures.md).
 */

const DAY_MS = 86_400_000;

/** Day of week of a UTC instant: 0 = Sunday … 6 = Saturday. */
const weekday = (ms: number) => new Date(ms).getUTCDay();
const isWorkingDay = (ms: number) => weekday(ms) !== 0 && weekday(ms) !== 6;
const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * The acknowledgement deadline of a request opened at `opened` (`YYYY-MM-DDTHH:MM:SSZ`), in the same form:
 * `opened` moved to the same time on the next working day. A request opened on a Saturday or Sunday counts from
 * the following Monday 00:00:00Z, so its deadline is Tuesday 00:00:00Z. Friday 15:00 gives Monday 15:00.
 */
export function acknowledgementDeadline(opened: string): string {
  let start = Date.parse(opened);
  if (Number.isNaN(start)) throw new Error(`not a date-time: ${opened}`);
  while (!isWorkingDay(start)) start = startOfUtcDay(start) + DAY_MS;
  let deadline = start + DAY_MS;
  while (!isWorkingDay(deadline)) deadline += DAY_MS;
  return new Date(deadline).toISOString().replace('.000Z', 'Z');
}

/** Whether `acknowledged` (a UTC date-time) is on or before the deadline of a request opened at `opened`. */
export function acknowledgedInTime(opened: string, acknowledged: string): boolean {
  return Date.parse(acknowledged) <= Date.parse(acknowledgementDeadline(opened));
}

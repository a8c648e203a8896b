/** The one-working-day acknowledgement deadline (SPEC-2 B), worked by hand on a calendar. */
import { describe, expect, it } from 'vitest';
import { acknowledgedInTime, acknowledgementDeadline } from '../scripts/lib/time/working-day.js';

describe('acknowledgementDeadline', () => {
  it.each([
    // 2026-11-20 is a Friday: the next working day is Monday 2026-11-23, same time
    ['Friday 15:00 → Monday 15:00', '2026-11-20T15:00:00Z', '2026-11-23T15:00:00Z'],
    // Saturday 2026-11-21 counts from Monday 2026-11-23 00:00:00Z; one working day later is Tuesday 00:00:00Z
    ['Saturday → Tuesday 00:00', '2026-11-21T10:30:00Z', '2026-11-24T00:00:00Z'],
    ['Sunday 23:59:59 → Tuesday 00:00', '2026-11-22T23:59:59Z', '2026-11-24T00:00:00Z'],
    // Monday 23:59 → Tuesday 23:59 (a weekday moves one day)
    ['Monday 23:59 → Tuesday 23:59', '2026-11-23T23:59:00Z', '2026-11-24T23:59:00Z'],
    ['Thursday → Friday', '2026-11-26T09:00:00Z', '2026-11-27T09:00:00Z'],
    // month end: Friday 2026-07-31 → Monday 2026-08-03
    ['Friday at a month end → Monday of the next month', '2026-07-31T17:45:00Z', '2026-08-03T17:45:00Z'],
    // month end on a weekday: Monday 2026-08-31 → Tuesday 2026-09-01
    ['Monday 31 August → Tuesday 1 September', '2026-08-31T12:00:00Z', '2026-09-01T12:00:00Z'],
    // year end on a Saturday: 2022-12-31 counts from Monday 2023-01-02, deadline Tuesday 2023-01-03 00:00
    ['Saturday 31 December → Tuesday 3 January', '2022-12-31T08:00:00Z', '2023-01-03T00:00:00Z'],
    // leap day: Thursday 2024-02-29 → Friday 2024-03-01
    ['Thursday 29 February → Friday 1 March', '2024-02-29T06:00:00Z', '2024-03-01T06:00:00Z'],
  ])('%s', (_name, opened, deadline) => {
    expect(acknowledgementDeadline(opened)).toBe(deadline);
  });
});

describe('acknowledgedInTime', () => {
  it('is in time exactly at the deadline and late one second after', () => {
    expect(acknowledgedInTime('2026-11-20T15:00:00Z', '2026-11-23T15:00:00Z')).toBe(true);
    expect(acknowledgedInTime('2026-11-20T15:00:00Z', '2026-11-23T15:00:01Z')).toBe(false);
  });
  it('a weekend request acknowledged on Monday evening is in time', () => {
    expect(acknowledgedInTime('2026-11-21T10:30:00Z', '2026-11-23T23:59:59Z')).toBe(true);
  });
});

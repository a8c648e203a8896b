/** The windows the figures look back over: the N months ending on a date. */
import { addMonthsToDate } from './calendar.js';

/**
 * A window of months ending on `asOf` (inclusive) and starting after the same
 * day `months` earlier (exclusive). "The same day" of a shorter month is its
 * last day: a year before 2028-02-29 is 2027-02-28 (so the window opens on
 * 2027-03-01), as "a month before" is everywhere else.
 */
export interface Window {
  /** Exclusive. */
  after: string;
  /** Inclusive. */
  to: string;
}

export function windowEnding(asOf: string, months: number): Window {
  return { after: addMonthsToDate(asOf, -months), to: asOf };
}

export const inWindow = (w: Window, date: string | undefined) => date !== undefined && date > w.after && date <= w.to;

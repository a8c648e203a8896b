import { EVENT_DATES, eventDates } from '../../model/events.js';
import { KINDS, type FileKind } from '../../model/kinds.js';
import { addDays } from '../../time/calendar.js';
import { defineRule, type Place } from '../rule.js';

/** How far after the date of the check an event may be dated before it looks like a typo. */
export const FUTURE_DAYS = 31;

export const rule = defineRule({
  meta: {
    id: 'date-in-future',
    severity: 'warning',
    description:
      `A fact (a payment, a signature, a milestone, a completion…) dated more than ${FUTURE_DAYS} ` +
      `days after the date of the check; plans (ends, due dates, periods, scheduled launches and ` +
      `terminations) may be later.`,
    messages: {
      future: {
        text: `{{field}} {{date}} is more than ${FUTURE_DAYS} days after {{today}}`,
        hint: 'check the year: a fact dated in the future counts in no figure until that day',
      },
    },
  },
  create({ asOf, report }) {
    const limit = addDays(asOf, FUTURE_DAYS);
    const check = (kind: FileKind) => (item: Place & { value: unknown }) => {
      for (const { path, date, scheduled } of eventDates(kind, item.value)) {
        if (date > limit && !scheduled)
          report({
            at: item,
            path,
            messageId: 'future',
            data: { field: path.filter((p) => typeof p === 'string').join('.'), date, today: asOf },
          });
      }
    };
    // A visitor for every kind with event dates (model/events.ts), named as the kinds table names its records.
    return Object.fromEntries((Object.keys(EVENT_DATES) as FileKind[]).map((kind) => [KINDS[kind].item, check(kind)]));
  },
});

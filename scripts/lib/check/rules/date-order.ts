import type { Segment } from '../../load/pointer.js';
import { defineRule, type Place } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'date-order',
    severity: 'error',
    description:
      'Ranges do not end before they start: contract and cost terms, grant periods, invoice periods and due ' +
      'dates, hub lifetimes; a support request is acknowledged and resolved after it was opened.',
    messages: {
      term: {
        text: 'the end {{end}} is before the start {{start}}',
        hint: 'the term runs from start to end (inclusive)',
      },
      range: { text: 'the end {{end}} is before the start {{start}}' },
      hub: { text: "hub '{{hub}}' is decommissioned ({{decommissioned}}) before it was launched ({{launched}})" },
      period: {
        text: 'the period ends ({{to}}) before it starts ({{from}})',
        hint: 'write from: first day, to: last day',
      },
      due: { text: 'the due date {{due}} is before the issue date {{issued}}', hint: 'it should be on or after it' },
      request: {
        text: 'the request is {{what}} ({{later}}) before it was {{before}} ({{earlier}})',
        hint: 'times are UTC: check the day, the hour and the conversion from local time',
      },
    },
  },
  create({ report }) {
    type Id = 'term' | 'range' | 'hub' | 'period' | 'due' | 'request';
    const order = (
      at: Place,
      earlier: string | undefined,
      later: string | undefined,
      path: Segment[],
      messageId: Id,
      data: Record<string, string>,
    ) => {
      if (earlier !== undefined && later !== undefined && later < earlier) report({ at, path, messageId, data });
    };
    return {
      supportRequest(r) {
        const { opened, acknowledged, resolved } = r.value;
        const request = (what: string, before: string, earlier: string, later: string | undefined) =>
          order(r, earlier, later, [what], 'request', { what, before, earlier, later: String(later) });
        request('acknowledged', 'opened', opened, acknowledged);
        if (acknowledged !== undefined && acknowledged >= opened)
          request('resolved', 'acknowledged', acknowledged, resolved);
        else request('resolved', 'opened', opened, resolved);
      },
      contract(c) {
        order(c, c.value.start, c.value.end, ['end'], 'term', { start: c.value.start, end: c.value.end });
      },
      profile(profile) {
        (profile.value.hubs ?? []).forEach((h, i) => {
          order(profile, h.launched, h.decommissioned, ['hubs', i, 'decommissioned'], 'hub', {
            hub: h.id,
            launched: String(h.launched),
            decommissioned: String(h.decommissioned),
          });
        });
      },
      invoice(inv) {
        const { period, issued, due } = inv.value;
        if (period)
          order(inv, period.from, period.to, ['period', 'to'], 'period', { from: period.from, to: period.to });
        order(inv, issued, due, ['due'], 'due', { issued, due: String(due) });
      },
      recurringCost(c) {
        order(c, c.value.start, c.value.end, ['end'], 'range', { start: c.value.start, end: String(c.value.end) });
      },
      grant(g) {
        order(g, g.value.start, g.value.end, ['end'], 'range', {
          start: String(g.value.start),
          end: String(g.value.end),
        });
      },
    };
  },
});

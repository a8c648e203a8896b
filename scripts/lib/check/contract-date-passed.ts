/** Rules of one shape: a contract still in `status` after its `field` date has passed (a warning, at that field). */
import type { Contract } from '../model/records.js';
import { defineRule, type Message } from './rule.js';

export function contractDatePassed<const Id extends string, const M extends string>(spec: {
  id: Id;
  description: string;
  status: Contract['status'];
  field: 'start' | 'end';
  /** Where the finding points: the status to change, or the date to move. */
  at: 'status' | 'start';
  messageId: M;
  message: Message;
}) {
  return defineRule({
    meta: {
      id: spec.id,
      severity: 'warning',
      description: spec.description,
      messages: { [spec.messageId]: spec.message } as Record<M, Message>,
    },
    create: ({ asOf, report }) => ({
      contract(c) {
        const date = c.value[spec.field];
        if (c.value.status === spec.status && date < asOf)
          report({ at: c, path: [spec.at], messageId: spec.messageId, data: { [spec.field]: date } });
      },
    }),
  });
}

/** Grant deliverables and funder reports: overdue, due soon, on-time rate. */
import { Decimal } from '../money/decimal.js';
import type { Deliverable } from '../model/records.js';
import { addDays } from '../time/calendar.js';
import type { FigureContext } from './context.js';

export const DUE_SOON_DAYS = 30;

export interface DeliverableView {
  /** `<grant-id>/<deliverable-id>` */
  id: string;
  grant: string;
  deliverable: Deliverable;
}

export interface DeliverableFigures {
  overdue: DeliverableView[];
  dueSoon: DeliverableView[];
  /** Done on or before the due date / done; undefined when nothing is done. */
  onTimeRate: Decimal | undefined;
  done: number;
  doneOnTime: number;
}

const isOpen = (d: Deliverable) => d.status !== 'done' && d.status !== 'dropped';

export function deliverableFigures(ctx: FigureContext, grantId?: string): DeliverableFigures {
  const all: DeliverableView[] = ctx.repo.grants
    .filter((g) => grantId === undefined || g.id === grantId)
    .flatMap((g) => g.deliverables.map(({ value: d }) => ({ id: `${g.id}/${d.id}`, grant: g.id, deliverable: d })));
  const byDue = (a: DeliverableView, b: DeliverableView) =>
    a.deliverable.due < b.deliverable.due ? -1 : a.deliverable.due > b.deliverable.due ? 1 : a.id < b.id ? -1 : 1;
  const soon = addDays(ctx.asOf, DUE_SOON_DAYS);
  const done = all.filter((v) => v.deliverable.status === 'done');
  const doneOnTime = done.filter(
    (v) => v.deliverable.completed !== undefined && v.deliverable.completed <= v.deliverable.due,
  ).length;
  return {
    overdue: all.filter((v) => isOpen(v.deliverable) && v.deliverable.due < ctx.asOf).sort(byDue),
    dueSoon: all
      .filter((v) => isOpen(v.deliverable) && v.deliverable.due >= ctx.asOf && v.deliverable.due <= soon)
      .sort(byDue),
    onTimeRate: done.length ? new Decimal(doneOnTime).dividedBy(done.length) : undefined,
    done: done.length,
    doneOnTime,
  };
}

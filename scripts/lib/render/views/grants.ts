/** grants.md: one section per grant with its deliverables, and a timeline. */
import { deliverableFigures } from '../../figures/deliverables.js';
import type { Figures } from '../../figures/index.js';
import { dec } from '../../money/decimal.js';
import { md, mdLink } from '../markdown.js';
import { percent } from '../numbers.js';
import { gantt, type GanttTask } from '../charts.js';
import { code } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { withEquivalent } from './currency.js';

export function grantsView(f: Figures, meta: ReportMeta) {
  const overdue = new Set(f.deliverables.overdue.map((d) => d.id));
  const dueSoon = new Set(f.deliverables.dueSoon.map((d) => d.id));
  const tasks: GanttTask[] = [];
  const grants = f.ctx.repo.grants
    .filter((g) => g.grant)
    .map(({ id, grant, deliverables }) => {
      const g = grant!.value;
      const own = deliverableFigures(f.ctx, id);
      if (g.start && g.end) {
        tasks.push({
          section: g.title,
          name: 'Grant period',
          start: g.start,
          end: g.end,
          tags: g.end < f.asOf ? ['done'] : g.start <= f.asOf ? ['active'] : [],
        });
      }
      for (const { value: d } of deliverables) {
        const state = d.status === 'done' ? 'done' : overdue.has(`${id}/${d.id}`) ? 'crit' : undefined;
        tasks.push({
          section: g.title,
          name: d.title,
          start: d.due,
          end: d.due,
          tags: state ? [state, 'milestone'] : ['milestone'],
        });
      }
      return {
        id: code(id),
        title: md(g.title),
        funder: md(g.funder),
        status: g.status,
        amount: withEquivalent(f, dec(g.amount), g.currency),
        period: g.start && g.end ? `${g.start} to ${g.end}` : 'not set',
        owner: md(g.owner),
        onTime: own.done
          ? `${own.doneOnTime} of ${own.done} done on time (${percent(own.onTimeRate)})`
          : 'nothing done yet',
        deliverables: [...deliverables]
          .sort((a, b) => (a.value.due < b.value.due ? -1 : a.value.due > b.value.due ? 1 : 0))
          .map(({ value: d }) => {
            const key = `${id}/${d.id}`;
            return {
              id: code(d.id),
              kind: d.kind,
              title: md(d.title),
              due: d.due,
              owner: md(d.owner),
              status: overdue.has(key)
                ? `**${d.status}, overdue**`
                : dueSoon.has(key)
                  ? `${d.status}, due soon`
                  : d.status,
              completed: d.completed ?? '',
              evidence: d.evidence ? mdLink('link', d.evidence) : '',
            };
          }),
      };
    });
  const reports = [...f.deliverables.overdue, ...f.deliverables.dueSoon].filter((d) => d.deliverable.kind === 'report');
  return {
    header: header(meta, 'Grants'),
    overdue: String(f.deliverables.overdue.length),
    dueSoon: String(f.deliverables.dueSoon.length),
    onTime: percent(f.deliverables.onTimeRate),
    reportsDue: reports.map((d) => ({ id: code(d.id), title: md(d.deliverable.title), due: d.deliverable.due })),
    timeline: tasks.length ? gantt('Grant periods and deliverables', tasks, meta.asOf) : '',
    grants,
  };
}

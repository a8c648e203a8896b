/** reports/README.md: the headline figures, what needs action this week, and the way to every report. */
import type { Figures } from '../../figures/index.js';
import { addDays } from '../../time/calendar.js';
import { formatHeadline, formatHeadlineChange, money } from '../numbers.js';
import { headline } from '../../figures/headline.js';
import { STUCK_ONBOARDING_DAYS } from '../../figures/onboarding.js';
import { md } from '../markdown.js';
import { xyChart } from '../charts.js';
import { code, partnerLink } from './links.js';
import { unbilledRows } from './invoicing.js';
import { header, type ReportMeta } from './meta.js';
import { partnerName } from '../../figures/context.js';
import { DASHBOARD, REPORTS } from '../reports.js';

const ACTION_DAYS = 7;
const LIST_LIMIT = 10;

/** The headline figures that missing inputs (cloud bills not recorded yet) make incomparable month to month. */
const NEED_COMPLETE_INPUTS = new Set(['mrr', 'mrc', 'cost_recovery_ratio']);

/**
 * Why this month's figures cannot be compared with last month's, or '':
 * one month with a partner's cloud bill and the other without it would
 * show the missing bill as a change. (Another kind of pending input adds
 * its sentence here.)
 */
export function incomparable(f: Figures, prev: Figures): string {
  const pending = [f, prev]
    .filter((x) => x.pendingCloudBills.length > 0)
    .map((x) => `${x.ctx.month} (${x.pendingCloudBills.join(', ')})`);
  const usage = [f, prev]
    .filter((x) => x.pendingUsage.length > 0)
    .map((x) => `${x.ctx.month} (${x.pendingUsage.join(', ')})`);
  return [
    pending.length ? `cloud bills not recorded yet for ${pending.join(' and ')}` : '',
    usage.length ? `usage (monthly active users) not recorded yet for ${usage.join(' and ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function dashboardView(f: Figures, prev: Figures, meta: ReportMeta) {
  const before = new Map(headline(prev).map((h) => [h.key, h]));
  const why = incomparable(f, prev);
  const figures = headline(f)
    .filter((h) => h.key !== 'stale_partners' || f.history.available)
    .map((h) => ({
      label: md(h.label),
      value: formatHeadline(h.kind, h.value),
      change:
        why && NEED_COMPLETE_INPUTS.has(h.key)
          ? 'not comparable¹'
          : formatHeadlineChange(h.kind, before.get(h.key)?.value, h.value),
    }));
  const soon = addDays(f.asOf, ACTION_DAYS);
  const overdueInvoices = f.receivables.open.filter((o) => o.daysPastDue > 0);
  const actions = {
    overdueInvoices: overdueInvoices.slice(0, LIST_LIMIT).map((o) => ({
      partner: partnerLink(o.partner),
      number: md(o.invoice.number),
      outstanding: `${money(o.outstanding)} ${o.invoice.currency}`,
      days: String(o.daysPastDue),
    })),
    moreOverdue: overdueInvoices.length > LIST_LIMIT ? String(overdueInvoices.length - LIST_LIMIT) : '',
    notices: f.renewals
      .filter((r) => r.noticeBy <= soon)
      .map((r) => ({
        contract: code(r.contract),
        partner: partnerLink(f.ctx.partnerById.get(r.partner)!),
        noticeBy: r.noticeBy,
        end: r.end,
        passed: r.noticePassed ? ' (passed)' : '',
      })),
    deliverables: [...f.deliverables.overdue, ...f.deliverables.dueSoon.filter((d) => d.deliverable.due <= soon)].map(
      (d) => ({
        id: code(d.id),
        title: md(d.deliverable.title),
        due: d.deliverable.due,
        owner: md(d.deliverable.owner),
        state: d.deliverable.due < f.asOf ? 'overdue' : 'due this week',
      }),
    ),
    stuck: f.onboarding
      .filter((o) => o.stuck)
      .map((o) => ({ partner: partnerLink(o.partner), days: String(o.daysInStage) })),
    unbilled: unbilledRows(f),
    stale: f.history.stale.map((a) => ({
      partner: partnerLink(f.ctx.partnerById.get(a.partner)!),
      lastUpdated: a.lastUpdated,
      by: md(a.updatedBy),
    })),
  };
  const nothingToDo = Object.values(actions).every((a) => a.length === 0);
  return {
    header: header(meta, 'Partnerships dashboard', '../'),
    previous: prev.asOf,
    headline: figures,
    cloudNote: cloudBillsNote(f),
    incomparable: why
      ? `¹ Not comparable with ${prev.asOf}: ${md(why)}, so the change would mostly be the missing bills.`
      : '',
    health: healthCounts(f),
    actions,
    nothingToDo,
    actionDays: String(ACTION_DAYS),
    stuckDays: String(STUCK_ONBOARDING_DAYS),
    staleDays: String(f.ctx.repo.config.stale_after_days),
    trendChart: xyChart({
      title: 'Cost recovery ratio, last 12 months',
      x: f.trend.map((p) => p.month),
      yLabel: 'MRC / MRR',
      series: [{ name: 'ratio', kind: 'line', values: f.trend.map((p) => (p.ratio ? p.ratio.toNumber() : 0)) }],
      yInclude: [1],
    }),
    reports: REPORTS.filter((r) => r.file !== DASHBOARD).map(({ file, title, about }) => ({ file, title, about })),
  };
}

/** Said under the figures when the as-of month's cloud bills or usage are not all recorded yet. */
export function cloudBillsNote(f: Figures): string {
  const notes: string[] = [];
  if (f.pendingCloudBills.length) {
    const names = f.pendingCloudBills.map((id) => md(partnerName(f.ctx.partnerById.get(id)!)));
    notes.push(
      `The ${f.ctx.month} cloud bills of ${names.join(', ')} are not recorded yet, so this month's MRC ` +
        `and pass-through revenue leave them out.`,
    );
  }
  if (f.pendingUsage.length)
    notes.push(
      `The ${f.ctx.month} usage (monthly active users) of ${f.pendingUsage.map(md).join(', ')} is not recorded yet: ` +
        `their usage fees are pending and count 0 in MRR.`,
    );
  return notes.join(' ');
}

/** The three health counts the dashboard shows above the week's actions. */
export function healthCounts(f: Figures) {
  const count = (h: string) => String(f.health.filter((x) => x.health === h).length);
  return { offTrack: count('off-track'), atRisk: count('at-risk'), onTrack: count('on-track') };
}

/** reports/README.md: the headline figures, what needs action this week, and the way to every report. */
import type { Figures } from '../../figures/index.js';
import type { PartnerFolder } from '../../model/repository.js';
import { addDays, addMonths } from '../../time/calendar.js';
import { formatHeadline, formatHeadlineChange } from '../numbers.js';
import { headline, RECOVERY_KEYS, recoveryHeadline } from '../../figures/headline.js';
import { STUCK_ONBOARDING_DAYS } from '../../figures/onboarding.js';
import { md, tableRows } from '../markdown.js';
import { ratioChart } from './cost-recovery.js';
import { BILLING_PAGE, code, partnerLink } from './links.js';
import { unbilledRows } from './invoicing.js';
import { billingStatement, totalsByCurrency } from '../../figures/billing.js';
import { ownerOf, mrrAtStake } from './at-stake.js';
import { HEALTH_WORDS, healthIndex, reasonPhrases } from './health.js';
import { header, type ReportMeta } from './meta.js';
import { incompleteAlert } from './incomplete.js';
import { defined, type Definition } from './terms.js';
import { withEquivalent } from './currency.js';

/**
 * The headline figures the team knows by a short form (LQR, FMRR₆): their plain words link to the definition.
 * MRR, MRC and the cost recovery ratio are spelt out in their labels already.
 */
const DEFINED: Readonly<Record<string, Definition>> = {
  lqr: 'lqr',
  renewal_rate: 'renewalRate',
  fmrr_6: 'forecast',
};

function headlineLabel(h: { key: string; label: string }): string {
  const what = DEFINED[h.key];
  return what ? defined(md(h.label), what) : md(h.label);
}

const ACTION_DAYS = 7;
const LIST_LIMIT = 10;

/** A report the dashboard links to. */
export interface ReportLink {
  file: string;
  title: string;
  about: string;
}

/** The dashboard; `reports` are the others, handed down by the list of reports (which lists this one too). */
export function dashboardView(f: Figures, prev: Figures, meta: ReportMeta, reports: readonly ReportLink[]) {
  // MRR, MRC and the ratio have a section of their own (recoverySection), compared with their month before there.
  const shown = (key: string) => !RECOVERY_KEYS.has(key) && (key !== 'stale_partners' || f.history.available);
  const before = new Map(headline(prev, shown).map((h) => [h.key, h]));
  const figures = headline(f, shown).map((h) => ({
    label: headlineLabel(h),
    value: formatHeadline(h.kind, h.value),
    change: formatHeadlineChange(h.kind, before.get(h.key)?.value, h.value),
  }));
  const soon = addDays(f.asOf, ACTION_DAYS);
  const partner = (id: string) => f.ctx.partnerById.get(id)!;
  const stake = (p: PartnerFolder) => ({ owner: ownerOf(p), mrr: mrrAtStake(f, p) });
  const index = healthIndex(f);
  const overdueInvoices = f.receivables.open.filter((o) => o.daysPastDue > 0);
  const actions = {
    // Worst first, then by partner id (the order of f.health). The rows as one text (tableRows): hundreds of them.
    unhealthy: tableRows(
      (['off-track', 'at-risk'] as const).flatMap((h) =>
        f.health
          .filter((x) => x.health === h)
          .map((x) => {
            const p = partner(x.partner);
            return [
              partnerLink(p),
              HEALTH_WORDS[h],
              reasonPhrases(index, x.partner).join('; '),
              ownerOf(p),
              mrrAtStake(f, p),
            ];
          }),
      ),
    ),
    lapsed: f.lapsed.map((l) => ({
      partner: partnerLink(partner(l.partner)),
      since: l.since,
      nextExtension: l.nextExtension,
      decisionBy: l.decisionBy,
      ...stake(partner(l.partner)),
    })),
    requests: f.support.openOver7Days
      .filter((x) => x.request.priority === 'urgent' || x.request.priority === 'high')
      .map((x) => ({
        partner: partnerLink(x.partner),
        id: code(x.request.id),
        priority: x.request.priority,
        days: String(x.days),
        ...stake(x.partner),
      })),
    overdueInvoices: overdueInvoices.slice(0, LIST_LIMIT).map((o) => ({
      partner: partnerLink(o.partner),
      number: md(o.invoice.number),
      outstanding: withEquivalent(f, o.outstanding, o.invoice.currency),
      days: String(o.daysPastDue),
      ...stake(o.partner),
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
        ...stake(partner(r.partner)),
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
    header: { ...header(meta, 'Partnerships dashboard', '../'), home: '' },
    previous: prev.asOf,
    month: f.ctx.month,
    recovery: recoverySection(f),
    headline: figures,
    health: healthCounts(f),
    actions,
    nothingToDo,
    actionDays: String(ACTION_DAYS),
    stuckDays: String(STUCK_ONBOARDING_DAYS),
    staleDays: String(f.ctx.repo.config.stale_after_days),
    trendChart: ratioChart(f),
    toInvoice: toInvoice(f),
    reports: reports.map(({ file, title, about }) => ({ file, title, about })),
  };
}

/**
 * What to invoice this month: the to-invoice lines of the billing statement the report writes — that of the
 * month before D, whose usage, cloud costs and arrears periods are invoiced in D's month — with a total per
 * currency (never added across currencies), linking the statement. Lines already invoiced or pending are not here.
 */
function toInvoice(f: Figures) {
  const month = addMonths(f.ctx.month, -1);
  const lines = billingStatement(f.ctx.repo, month).filter((l) => l.status === 'to-invoice');
  return {
    month,
    file: BILLING_PAGE,
    lines: lines.map((l) => ({
      partner: partnerLink(f.ctx.partnerById.get(l.partner)!),
      contract: code(l.contract),
      what: md(l.description),
      amount: withEquivalent(f, l.amount!, l.currency),
    })),
    totals: totalsByCurrency(lines)
      .map((t) => withEquivalent(f, t.total, t.currency))
      .join(' · '),
  };
}

/**
 * MRR, MRC and the cost recovery ratio of the last complete month (named), their change since the month before,
 * and — when M is incomplete — M's figures so far beside them, under the alert that lists what is missing.
 */
function recoverySection(f: Figures) {
  const r = recoveryHeadline(f);
  const soFar = r.missing.length > 0;
  const notComparable = r.sinceIncomplete || r.since === undefined;
  return {
    alert: incompleteAlert(
      f,
      r.month
        ? `MRR, MRC and the cost recovery ratio below are those of **${r.month}**, the last complete month; ` +
            `${f.ctx.month}'s figures so far are beside them, marked incomplete.`
        : `MRR, MRC and the cost recovery ratio below are ${f.ctx.month}'s figures so far.`,
    ),
    month: r.month ? (soFar ? `${r.month} (last complete month)` : r.month) : `${f.ctx.month} so far (incomplete)`,
    since: r.since ?? '',
    soFarMonth: soFar && r.month ? `${f.ctx.month} so far (incomplete)` : '',
    rows: r.rows.map((h) => {
      const value = r.month ? h.value : h.soFar;
      return {
        label: headlineLabel(h),
        value: formatHeadline(h.kind, value),
        change: !r.month ? 'n/a' : notComparable ? 'not comparable¹' : formatHeadlineChange(h.kind, h.previous, value),
        soFar: soFar && r.month ? `${formatHeadline(h.kind, h.soFar)}, incomplete` : '',
      };
    }),
    notComparable:
      r.month && notComparable
        ? `¹ ${r.since} misses cloud bills or usage too: a change from it would mostly be what is missing.`
        : '',
  };
}

/** The three health counts the dashboard shows above the week's actions. */
export function healthCounts(f: Figures) {
  const count = (h: string) => String(f.health.filter((x) => x.health === h).length);
  return { offTrack: count('off-track'), atRisk: count('at-risk'), onTrack: count('on-track') };
}

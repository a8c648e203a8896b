/** reports/partners/<id>.md: one page per partner, everything about the account. */
import { csatBySurvey, csatLabel, npsBySurvey, partnerNps, usageByMonth } from '../../figures/community.js';
import { supportFigures, type SupportHours } from '../../figures/support.js';
import { partnerName } from '../../figures/context.js';
import type { Figures } from '../../figures/index.js';
import { dueDate, paidBy, type OpenInvoice } from '../../figures/receivables.js';
import { partnerRecovery, RECOVERY_WORDS, type PartnerRecovery } from '../../figures/recovery.js';
import { contractRevenue, partnerRevenue } from '../../figures/revenue.js';
import { roundToTotal } from '../../money/apportion.js';
import { dec, sum, toFixed, type Decimal } from '../../money/decimal.js';
import { MILESTONES, type Invoice } from '../../model/records.js';
import type { PartnerFolder } from '../../model/repository.js';
import { daysBetween } from '../../time/calendar.js';
import { inWindow, windowEnding } from '../../time/window.js';
import { xyChart } from '../charts.js';
import { md, mdLink, notesMarkdown, tableRows } from '../markdown.js';
import { money, rememberedAmounts, rememberedMoney } from '../numbers.js';
import { HEALTH_WORDS, healthIndex, type HealthIndex } from './health.js';
import { mrrAtStake, ownerOf } from './at-stake.js';
import { reasonsWithSteps } from './next-steps.js';
import { healthWeekAgo, turnedWorse } from './turned.js';
import { missingLines } from './incomplete.js';
import { code } from './links.js';
import { MILESTONE_WORDS } from './terms.js';
import { folded, recoveryRows } from './partner-history.js';
import { withEquivalent } from './currency.js';
import { header, type ReportMeta } from './meta.js';
import { plural } from '../../text/plural.js';
import { pushTo } from '../../collections.js';

/** Each month of the trend (consecutive, oldest first): every partner's recovery, computed once for all pages. */
export type RecoveryHistory = { month: string; byPartner: Map<PartnerFolder, PartnerRecovery> }[];

/** What the partner pages share, indexed once so that no page scans every partner's records. */
export interface PartnerPageIndex {
  history: RecoveryHistory;
  openInvoices: Map<PartnerFolder, OpenInvoice[]>;
  declining: Set<string>;
  health: HealthIndex;
  /** The partners whose health got worse since last week. */
  turned: Set<string>;
  /** Each partner's support hours by contract. */
  supportHours: Map<PartnerFolder, SupportHours[]>;
  /** money(), remembering what it showed: the pages share many of their figures' objects. */
  money: (d: Decimal) => string;
  /** An amount as written in a record, as money() shows it: 6,257 invoices have 378 different amounts. */
  amount: (n: number) => string;
}

export function partnerPageIndex(f: Figures): PartnerPageIndex {
  const openInvoices = new Map<PartnerFolder, OpenInvoice[]>();
  for (const o of f.receivables.open) {
    const list = openInvoices.get(o.partner);
    if (list) list.push(o);
    else openInvoices.set(o.partner, [o]);
  }
  return {
    history: f.trend.map(({ month }) => ({
      month,
      // The as-of month's is the cost-recovery report's, already computed.
      byPartner: new Map(
        (month === f.ctx.month ? f.partners : partnerRecovery(f.ctx, month)).map((r) => [r.partner, r]),
      ),
    })),
    openInvoices,
    declining: new Set(f.decliningUsage),
    health: healthIndex(f),
    turned: new Set(turnedWorse(f).map((x) => x.partner)),
    supportHours: byPartner(f.supportHours),
    money: rememberedMoney(),
    amount: rememberedAmounts(),
  };
}

export function partnerView(f: Figures, partner: PartnerFolder, index: PartnerPageIndex, meta: ReportMeta) {
  const { history } = index;
  const profile = partner.profile!.value;
  const { ctx, asOf } = f;
  const invoices = [...partner.invoices]
    .map((i) => i.value)
    .sort((a, b) => (a.issued > b.issued ? -1 : a.issued < b.issued ? 1 : a.number < b.number ? -1 : 1));
  const open = index.openInvoices.get(partner) ?? [];
  const balances = new Map<string, ReturnType<typeof dec>>();
  for (const o of open)
    balances.set(o.invoice.currency, (balances.get(o.invoice.currency) ?? dec(0)).plus(o.outstanding));
  const usage = usageByMonth(partner);
  const usageMonths = history.map((h) => h.month).filter((m) => usage.has(m));
  const nps = partnerNps(ctx, partner);
  const mrr = partnerMrr(f, partner, index.money);
  return {
    header: header(meta, md(partnerName(partner)), '../../'),
    id: code(partner.id),
    type: profile.type,
    country: profile.country,
    stage: profile.stage,
    owner: md(profile.account_owner),
    tags: (profile.tags ?? []).map(md).join(', '),
    // Each table's rows as one text (tableRows); the template has its heading.
    contacts: tableRows((profile.contacts ?? []).map((c) => [md(c.name), md(c.role), c.email ? md(c.email) : ''])),
    milestones: tableRows(
      MILESTONES.filter((m) => profile.milestones?.[m]).map((m) => [MILESTONE_WORDS[m], profile.milestones![m]!]),
    ),
    hubs: tableRows(
      (profile.hubs ?? []).map((h) => [
        h.url ? mdLink(h.id, h.url) : code(h.id),
        h.cloud,
        h.launched ?? '',
        h.decommissioned ?? '',
      ]),
    ),
    contracts: tableRows(
      (ctx.contractsOf.get(partner) ?? []).map((v) => [
        code(v.contract.id),
        v.contract.kind,
        v.contract.status + (v.contract.probability !== undefined ? ` (${v.contract.probability} %)` : ''),
        `${v.contract.start} to ${v.effective.to}${v.contract.terminated ? ' (terminated)' : ''}`,
        `${v.contract.billing.every}, in ${v.contract.billing.in}; cloud ${v.contract.cloud.billing}`,
        mrr.byContract.get(v) ?? '—',
        v.contract.document ? mdLink('signed copy', v.contract.document) : '',
      ]),
    ),
    invoices: invoiceTables(f, partner, invoices, index.amount),
    balance:
      [...balances.entries()].map(([currency, amount]) => withEquivalent(f, amount, currency)).join(' + ') ||
      'nothing outstanding',
    ...recoveryRows(history, partner, index.money),
    incomplete: incompleteLine(f, history[history.length - 1]?.byPartner.get(partner)),
    usage: tableRows(usageMonths.map((m) => [m, String(usage.get(m))])),
    usageChart:
      usageMonths.length > 1
        ? xyChart({
            title: 'Monthly active users',
            x: usageMonths,
            yLabel: 'users',
            series: [{ name: 'users', kind: 'line', values: usageMonths.map((m) => usage.get(m)!) }],
          })
        : '',
    declining: index.declining.has(partner.id),
    nps: tableRows(npsBySurvey(ctx, [partner]).map((n) => [n.survey, String(n.score), String(n.responses)])),
    npsOverall: nps ? `${nps.score} over ${plural(nps.responses, 'response')}` : '',
    csat: tableRows(
      csatBySurvey(ctx, [partner]).map((c) => [csatLabel(c.survey), `${c.score} %`, String(c.responses)]),
    ),
    support: supportSection(f, partner, index),
    training: tableRows(
      partner.training
        .map((t) => t.value)
        .filter((t) => inWindow(windowEnding(asOf, 12), t.date))
        .sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : 0))
        .map((t) => [t.date, t.materials ? mdLink(t.title, t.materials) : md(t.title), t.kind, String(t.attendees)]),
    ),
    mrr: mrr.line,
    notes: notesMarkdown(partner.notes),
    words: RECOVERY_WORDS,
    lastUpdated: lastUpdatedLine(f, partner),
    health: healthLines(f, index, partner),
  };
}

/**
 * The partner's MRR in M, the same figure as its part of the dashboard's MRR (R10): its signed contracts' fixed
 * and usage fees net of the sponsor fee and the cloud they pass through. The line says what it is made of; it
 * and each contract's part are rounded to add up to the MRR shown (R7).
 */
function partnerMrr(f: Figures, partner: PartnerFolder, shown: (d: Decimal) => string) {
  const { ctx } = f;
  const exact = partnerRevenue(ctx, partner, ctx.month);
  // Nearly always exact to the cent already, and so its own shown total (no text to write and read back).
  const total = exact.decimalPlaces() <= 2 ? exact : dec(toFixed(exact, 2));
  const signed = (ctx.contractsOf.get(partner) ?? []).filter((v) => v.contract.status !== 'draft');
  const parts = signed.map((v) => contractRevenue(ctx, v, ctx.month));
  const byContract = roundToTotal(
    parts.map((p) => p.total),
    2,
    total,
  );
  const [fixed, usage, passThrough] = roundToTotal(
    (['fixed', 'usage', 'passThrough'] as const).map((k) => sum(parts.map((p) => p[k]))),
    2,
    total,
  );
  const net = ctx.netOfSponsor.equals(1) ? '' : ', net of the fiscal sponsor fee';
  return {
    byContract: new Map(signed.map((v, i) => [v, money(byContract[i])])),
    line:
      // The exact figure's text is its rounded total's, and the as-of month's revenue row has it already.
      `**MRR ${ctx.month}: ${shown(exact)} ${f.currency}** — this partner's part of the dashboard's MRR: fixed fees ` +
      `${money(fixed)} + usage fees ${money(usage)}${net} + pass-through cloud ${money(passThrough)}.`,
  };
}

/** The invoices' rows, newest first: the latest SHOWN_ROWS, and the older ones folded under their summary. */
function invoiceTables(f: Figures, partner: PartnerFolder, invoices: Invoice[], amount: (n: number) => string) {
  const { recent, older, summary } = folded(
    invoices,
    (older) => `${plural(older.length, 'older invoice')}, issued ${older.at(-1)!.issued} to ${older[0].issued}`,
  );
  const row = (i: Invoice) => invoiceRow(f, partner, i, amount);
  return { recent: tableRows(recent.map(row)), older: tableRows(older.map(row)), summary };
}

/**
 * An invoice's row (invoice, issued, due, amount, paid, outstanding, status): its amount, what was paid by D and
 * what is outstanding, each in its currency.
 */
function invoiceRow(f: Figures, partner: PartnerFolder, i: Invoice, amount: (n: number) => string): string[] {
  const contract = partner.contracts.find((c) => c.value.id === i.contract)?.value;
  const total = amount(i.amount);
  // Nothing paid by D, or paid in full by one payment (most invoices): the paid and outstanding texts are 0.00
  // and the amount's, as paidBy and a subtraction would give them, without three decimal operations per invoice.
  const payments = (i.payments ?? []).filter((p) => p.date <= f.asOf);
  const inOne = payments.length === 1 && payments[0].amount === i.amount;
  const paid = payments.length === 0 || inOne ? undefined : paidBy(i, f.asOf);
  const paidText = paid ? money(paid) : inOne ? total : '0.00';
  const outstanding = paid ? money(dec(i.amount).minus(paid)) : inOne ? '0.00' : total;
  return [
    md(i.number),
    i.issued,
    dueDate(i, contract, f.ctx.repo.config.payment_terms_days),
    `${total} ${i.currency}`,
    `${paidText} ${i.currency}`,
    i.status === 'sent' || i.status === 'paid' ? `${outstanding} ${i.currency}` : '—',
    i.status,
  ];
}

/** "2026-11 is incomplete: not recorded yet — …", when the partner's inputs of M are not all in. */
function incompleteLine(f: Figures, r: PartnerRecovery | undefined): string {
  if (!r?.missing.length) return '';
  return (
    `> [!WARNING]\n> **${f.ctx.month} is incomplete** for this partner: not recorded yet, ` +
    `${missingLines(f, r.missing).join('; ')}. Its ${f.ctx.month} figures are figures so far, with no ratio.`
  );
}

function byPartner(hours: readonly SupportHours[]): Map<PartnerFolder, SupportHours[]> {
  const out = new Map<PartnerFolder, SupportHours[]>();
  for (const h of hours) pushTo(out, h.partner, h);
  return out;
}

/** The partner's support over the 90 days ending D, its open requests and its hours; undefined when it has none. */
function supportSection(f: Figures, partner: PartnerFolder, index: PartnerPageIndex) {
  const hours = index.supportHours.get(partner) ?? [];
  const open = partner.support.map((r) => r.value).filter((r) => r.resolved === undefined);
  if (partner.support.length === 0 && hours.length === 0) return undefined;
  const s = supportFigures(f.ctx, [partner]);
  const orNone = (n: number | undefined, unit: string) => (n === undefined ? '—' : `${n} ${unit}`);
  return {
    asOf: f.asOf,
    opened: String(s.opened),
    onTime: s.onTimePct === undefined ? '—' : `${s.onTimePct} % (${s.onTime} of ${s.due})`,
    toAcknowledge: orNone(s.medianHoursToAcknowledge, 'hours'),
    toResolve: orNone(s.medianDaysToResolve, 'days'),
    open: tableRows(
      open.map((r) => [
        code(r.id),
        r.opened.replace('T', ' ').replace('Z', ' UTC'),
        r.priority === 'high' || r.priority === 'urgent' ? `**${r.priority}**` : r.priority,
        r.requester ? md(r.requester) : '',
        String(daysBetween(r.opened.slice(0, 10), f.asOf)),
      ]),
    ),
    hours: tableRows(
      hours.map((h) => [
        code(h.contract),
        `${h.from} to ${h.to}`,
        h.used.toString() + (h.budget !== undefined && h.used.greaterThan(h.budget) ? ' **over budget**' : ''),
        h.budget?.toString() ?? 'none bought',
      ]),
    ),
  };
}

function lastUpdatedLine(f: Figures, partner: PartnerFolder): string {
  const a = f.history.activity.get(partner.id);
  return a ? `Record last updated ${a.lastUpdated} by ${md(a.updatedBy)} (${code(a.commit)}).` : '';
}

/**
 * The partner's health as the weekly review gives it: "Health: **at risk** · account owner … · MRR at stake …",
 * whether it turned worse since last week, then one line per reason with its next step and due date.
 */
function healthLines(f: Figures, index: PartnerPageIndex, partner: PartnerFolder) {
  const h = index.health.health.get(partner.id);
  if (!h) return { line: '', reasons: '' };
  const { weekAgo, before } = healthWeekAgo(f);
  const was = before.get(partner.id);
  const turned = index.turned.has(partner.id)
    ? ` · **turned ${HEALTH_WORDS[h.health]} since last week** (${was ? HEALTH_WORDS[was] : 'not followed'} ` +
      `on ${weekAgo})`
    : '';
  const stake = h.reasons.length ? ` · account owner ${ownerOf(partner)} · MRR at stake ${mrrAtStake(f, partner)}` : '';
  return {
    line: `Health: **${HEALTH_WORDS[h.health]}**${turned}${stake} ([weekly review](../engagement-review.md)).`,
    reasons: reasonsWithSteps(f, index.health, partner.id)
      .map((r) => `- ${r}`)
      .join('\n'),
  };
}

/**
 * Engagement health in words: each reason as a short phrase with its detail
 * (which invoice, how many days), for the weekly review and the partner pages.
 */
import type { CloudCostAnomaly, Lapsed } from '../../figures/engagement.js';
import { SIGNALS, type Health, type PartnerHealth, type SignalId } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import type { OpenInvoice } from '../../figures/receivables.js';
import { latestNps, noticesPassed, NPS_LOW, OVERDUE_DAYS } from '../../figures/health.js';
import { noticeDeadline } from '../../figures/renewals.js';
import { md } from '../markdown.js';
import { percent } from '../numbers.js';

export interface HealthIndex {
  health: Map<string, PartnerHealth>;
  overdue: Map<string, OpenInvoice[]>;
  lapsed: Map<string, Lapsed>;
  anomalies: Map<string, CloudCostAnomaly[]>;
  noticeBy: Map<string, string>;
  lastUpdated: Map<string, string>;
  /** The latest NPS answer of each partner with health (for the low-satisfaction detail). */
  nps: Map<string, { date: string; score: number }>;
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t));
    if (list) list.push(t);
    else out.set(key(t), [t]);
  }
  return out;
}

/** Built once per report run: no page scans every partner's records. */
export function healthIndex(f: Figures): HealthIndex {
  const noticeBy = new Map<string, string>();
  const byId = new Map(f.ctx.repo.partners.map((p) => [p.id, p]));
  for (const v of noticesPassed(f.ctx)) {
    const by = noticeDeadline(v.contract);
    const known = noticeBy.get(v.partner.id);
    if (!known || by < known) noticeBy.set(v.partner.id, by);
  }
  return {
    health: new Map(f.health.map((h) => [h.partner, h])),
    overdue: group(
      f.receivables.open.filter((o) => o.daysPastDue >= OVERDUE_DAYS),
      (o) => o.partner.id,
    ),
    lapsed: new Map(f.lapsed.map((l) => [l.partner, l])),
    anomalies: group(f.cloudCostAnomalies, (a) => a.partner),
    noticeBy,
    lastUpdated: new Map([...f.history.activity.values()].map((a) => [a.partner, a.lastUpdated])),
    nps: new Map(
      f.health.flatMap((h) => {
        const p = h.reasons.includes('low-satisfaction') ? byId.get(h.partner) : undefined;
        const nps = p && latestNps(f.ctx, p);
        return nps ? [[h.partner, nps] as const] : [];
      }),
    ),
  };
}

/** The rise of an anomalous month over its baseline, e.g. "45 %". */
export function rise(a: CloudCostAnomaly): string {
  return percent(a.amount.dividedBy(a.baseline).minus(1));
}

/** One reason, said the way the review reads it aloud. */
function phrase(index: HealthIndex, partner: string, signal: SignalId): string {
  switch (signal) {
    case 'overdue-60': {
      const invoices = index.overdue.get(partner) ?? [];
      const worst = invoices[0];
      if (!worst) break;
      const more = invoices.length > 1 ? ` (and ${invoices.length - 1} more)` : '';
      return `invoice ${md(worst.invoice.number)} ${worst.daysPastDue} days overdue${more}`;
    }
    case 'lapsed': {
      const l = index.lapsed.get(partner);
      if (!l) break;
      return `no agreement for ${l.days} days, hub still running`;
    }
    case 'notice-passed': {
      const by = index.noticeBy.get(partner);
      if (!by) break;
      return `renewal notice date ${by} passed, nothing signed`;
    }
    case 'cloud-cost-anomaly': {
      const a = index.anomalies.get(partner) ?? [];
      if (!a.length) break;
      return a.map((x) => `cloud cost of ${md(x.hub)} up ${rise(x)} on the 3 months before`).join('; ');
    }
    case 'low-satisfaction': {
      const nps = index.nps.get(partner);
      if (!nps || nps.score > NPS_LOW) break;
      return `latest survey answer scored ${nps.score} out of 10 (${nps.date})`;
    }
    case 'not-updated': {
      const last = index.lastUpdated.get(partner);
      if (!last) break;
      return `record not updated since ${last}`;
    }
    default:
      break;
  }
  return SIGNALS[signal].phrase;
}

export function reasonPhrases(index: HealthIndex, partner: string): string[] {
  return (index.health.get(partner)?.reasons ?? []).map((r) => phrase(index, partner, r));
}

export const HEALTH_WORDS: Record<Health, string> = {
  'off-track': 'off track',
  'at-risk': 'at risk',
  'on-track': 'on track',
};

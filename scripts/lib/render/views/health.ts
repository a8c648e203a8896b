/**
 * Engagement health in words: each reason as a short phrase with its detail
 * (which invoice, how many days), for the weekly review and the partner pages.
 */
import type { CloudCostAnomaly, Lapsed } from '../../figures/engagement.js';
import { SIGNALS, type Health, type PartnerHealth, type SignalId } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import type { OpenInvoice } from '../../figures/receivables.js';
import {
  latestCsat,
  latestNps,
  usageByMonth,
  usageChange,
  type Answer,
  type UsageChange,
} from '../../figures/community.js';
import { CSAT_LOW, noticesPassed, NPS_LOW, OVERDUE_DAYS } from '../../figures/health.js';
import { STUCK_ONBOARDING_DAYS } from '../../figures/onboarding.js';
import { noticeDeadline } from '../../figures/renewals.js';
import { md } from '../markdown.js';
import { percent, wholeCount } from '../numbers.js';
import { Decimal } from '../../money/decimal.js';
import { plural } from '../../text/plural.js';

export interface HealthIndex {
  health: Map<string, PartnerHealth>;
  overdue: Map<string, OpenInvoice[]>;
  lapsed: Map<string, Lapsed>;
  anomalies: Map<string, CloudCostAnomaly[]>;
  noticeBy: Map<string, string>;
  lastUpdated: Map<string, string>;
  /** Days in onboarding of the partners in onboarding (for the stuck-onboarding detail). */
  daysInStage: Map<string, number>;
  /** The latest NPS and CSAT answers of each partner with low satisfaction (for the reason's detail). */
  satisfaction: Map<string, { nps?: Answer; csat?: Answer }>;
  /** This month's users against the mean of the 3 months before, of each partner whose usage is declining. */
  usage: Map<string, UsageChange>;
  /** High or urgent requests open over 7 days, by partner. */
  stale: Map<string, { id: string; priority: string; days: number }[]>;
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

/** Each run's figures' index: the dashboard, the weekly review and the partner pages all read it. */
const indexes = new WeakMap<Figures, HealthIndex>();

/** Built once per report run: no page scans every partner's records. */
export function healthIndex(f: Figures): HealthIndex {
  let index = indexes.get(f);
  if (!index) indexes.set(f, (index = buildHealthIndex(f)));
  return index;
}

function buildHealthIndex(f: Figures): HealthIndex {
  const noticeBy = new Map<string, string>();
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
    daysInStage: new Map(
      f.onboarding.flatMap((o) => (o.daysInStage === undefined ? [] : [[o.partner.id, o.daysInStage]])),
    ),
    stale: group(
      f.support.openOver7Days
        .filter((x) => x.request.priority === 'high' || x.request.priority === 'urgent')
        .map((x) => ({ partner: x.partner.id, id: x.request.id, priority: x.request.priority, days: x.days })),
      (x) => x.partner,
    ),
    usage: new Map(
      f.health.flatMap((h) => {
        const p = h.reasons.includes('declining-usage') ? f.ctx.partnerById.get(h.partner) : undefined;
        const change = p && usageChange(usageByMonth(p), f.ctx.month);
        return change ? [[h.partner, change] as const] : [];
      }),
    ),
    satisfaction: new Map(
      f.health.flatMap((h) => {
        const p = h.reasons.includes('low-satisfaction') ? f.ctx.partnerById.get(h.partner) : undefined;
        return p ? [[h.partner, { nps: latestNps(f.ctx, p), csat: latestCsat(f.ctx, p) }] as const] : [];
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
      // Days lapsed = D − since: 0 is the day it lapsed.
      if (l.days === 0) return 'agreement lapsed today, hub still running';
      return `no agreement for ${plural(l.days, 'day')}, hub still running`;
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
    case 'declining-usage': {
      const u = index.usage.get(partner);
      if (!u) break;
      // The rule's own comparison (M against the mean of the 3 months before), not M against M − 1.
      const change = new Decimal(u.current).dividedBy(u.mean).minus(1);
      return (
        `usage declining: ${wholeCount(u.mean)} → ${wholeCount(new Decimal(u.current))} monthly active users ` +
        `(${percent(change).replace('-', '−')} on the mean of the 3 months before)`
      );
    }
    case 'low-satisfaction': {
      const { nps, csat } = index.satisfaction.get(partner) ?? {};
      if (nps && nps.score <= NPS_LOW) return `latest survey answer scored ${nps.score} out of 10 (${nps.date})`;
      if (csat && csat.score <= CSAT_LOW) return `latest satisfaction rating ${csat.score} out of 5 (${csat.date})`;
      break;
    }
    case 'stale-request': {
      const open = index.stale.get(partner) ?? [];
      if (!open.length) break;
      return open.map((r) => `${r.priority} support request ${md(r.id)} open ${r.days} days`).join('; ');
    }
    case 'stuck-onboarding': {
      const days = index.daysInStage.get(partner);
      if (days === undefined) break;
      return `in onboarding for ${days} days (more than ${STUCK_ONBOARDING_DAYS})`;
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

/** The headline figures: what the dashboard leads with and what a pull request's figure diff compares. */
import { Decimal, dec, sum, toFixed } from '../money/decimal.js';
import { addMonths } from '../time/calendar.js';
import type { MissingInput } from './completeness.js';
import type { Figures } from './index.js';
import { RECOVERY_WORDS, recoveryAt, type RecoveryPoint } from './recovery.js';
import { plural } from '../text/plural.js';

/** 'cost-ratio': costs ÷ revenue, to two decimals and in words; 'ratio': a share (the lead qualification ratio). */
export type HeadlineKind = 'money' | 'cost-ratio' | 'ratio' | 'count' | 'score';

export interface Headline {
  key: string;
  label: string;
  /** For lists such as "Unchanged: MRC, NPS". */
  short: string;
  kind: HeadlineKind;
  /** undefined when the figure does not exist (a ratio without revenue, an NPS without surveys). */
  value: Decimal | undefined;
}

/** A headline figure as a recipe: only the figures of the headlines asked for are computed. */
interface HeadlineSpec extends Omit<Headline, 'label' | 'value'> {
  label: string | ((f: Figures) => string);
  value: (f: Figures) => Decimal | undefined;
}

const count = (n: number) => new Decimal(n);
const latestNps = (f: Figures) => f.nps[f.nps.length - 1];

const HEADLINES: readonly HeadlineSpec[] = [
  { key: 'mrr', label: 'Monthly recurring revenue (MRR)', short: 'MRR', kind: 'money', value: (f) => f.recovery.mrr },
  { key: 'mrc', label: 'Monthly recurring costs (MRC)', short: 'MRC', kind: 'money', value: (f) => f.recovery.mrc },
  {
    key: 'cost_recovery_ratio',
    label: `${RECOVERY_WORDS.ratio}, ${RECOVERY_WORDS.ratioReading}`,
    short: 'cost recovery ratio',
    kind: 'cost-ratio',
    value: (f) => f.recovery.ratio,
  },
  {
    key: 'receivables',
    label: 'Receivables outstanding',
    short: 'receivables',
    kind: 'money',
    value: (f) => f.receivables.outstanding,
  },
  {
    key: 'overdue',
    label: 'of which overdue',
    short: 'overdue receivables',
    kind: 'money',
    value: (f) => sum(f.receivables.open.filter((o) => o.daysPastDue > 0).map((o) => o.outstandingReporting)),
  },
  {
    key: 'unbilled',
    label: 'Fees contracted, not yet invoiced',
    short: 'fees not yet invoiced',
    kind: 'count',
    value: (f) => count(f.unbilled.length),
  },
  {
    key: 'renewals',
    label: 'Contracts up for renewal',
    short: 'renewals',
    kind: 'count',
    value: (f) => count(f.renewals.length),
  },
  {
    key: 'deliverables_overdue',
    label: 'Grant deliverables overdue',
    short: 'overdue deliverables',
    kind: 'count',
    value: (f) => count(f.deliverables.overdue.length),
  },
  {
    key: 'nps',
    label: (f) => {
      const nps = latestNps(f);
      return nps ? `Latest NPS (survey ${nps.survey}, ${plural(nps.responses, 'response')})` : 'Latest NPS';
    },
    short: 'NPS',
    kind: 'score',
    value: (f) => {
      const nps = latestNps(f);
      return nps ? count(nps.score) : undefined;
    },
  },
  {
    key: 'declining_usage',
    label: 'Partners with declining usage',
    short: 'declining usage',
    kind: 'count',
    value: (f) => count(f.decliningUsage.length),
  },
  {
    key: 'lqr',
    label: (f) => `Lead qualification ratio, last 12 months (target ${target(f.ctx.repo.config.lqr_target)})`,
    short: 'lead qualification ratio',
    kind: 'ratio',
    value: (f) => f.lqr.ratio,
  },
  {
    key: 'renewal_rate',
    label: (f) => `Renewal rate, last 6 months (target ${target(f.ctx.repo.config.renewal_target)})`,
    short: 'renewal rate',
    kind: 'ratio',
    value: (f) => f.renewalRate.rate,
  },
  {
    key: 'fmrr_6',
    label: 'Forecast monthly recurring revenue, next 6 months together',
    short: 'forecast revenue, next 6 months',
    kind: 'money',
    value: (f) => f.fmrr.total,
  },
  {
    key: 'stale_partners',
    label: 'Partner records not updated recently',
    short: 'stale partner records',
    kind: 'count',
    value: (f) => count(f.history.stale.length),
  },
];

/**
 * The headline figures at f's date, in their order; only those whose key `wanted` accepts, and only their
 * figures are computed (the dashboard's "change since" reads the month before's figures but not its MRR, MRC
 * and ratio, a pass over every partner's month).
 */
export function headline(f: Figures, wanted: (key: string) => boolean = () => true): Headline[] {
  return HEADLINES.filter((h) => wanted(h.key)).map(({ label, value, ...h }) => ({
    ...h,
    label: typeof label === 'string' ? label : label(f),
    value: value(f),
  }));
}

/** The headline figures that a month with a cloud bill or usage not recorded yet would show as a drop. */
export const RECOVERY_KEYS = new Set(['mrr', 'mrc', 'cost_recovery_ratio']);

export interface RecoveryHeadline {
  /** The month MRR, MRC and the ratio are of: M when complete, else the last complete month (undefined: none). */
  month: string | undefined;
  /** The month their change is measured from (the month before `month`), and whether it is itself complete. */
  since: string | undefined;
  sinceIncomplete: boolean;
  /** What M is missing (empty when M is complete). */
  missing: MissingInput[];
  rows: (Headline & { previous: Decimal | undefined; soFar: Decimal | undefined })[];
}

/**
 * MRR, MRC and the cost recovery ratio as the dashboard leads with them (SPEC-3 R6): those of the last complete
 * month, with their change since the month before it; when M is incomplete, M's figures so far beside them. All
 * as known at D (a month's bills recorded since are counted), so a change is never a missing bill.
 */
export function recoveryHeadline(f: Figures): RecoveryHeadline {
  const missing = f.completeness.missing;
  const month = missing.length === 0 ? f.ctx.month : f.completeness.last?.month;
  const at = (m: string | undefined): RecoveryPoint | undefined =>
    m === undefined ? undefined : m === f.ctx.month ? f.recovery : recoveryAt(f.ctx, m);
  const since = month === undefined ? undefined : addMonths(month, -1);
  const now = at(month);
  const before = at(since);
  const pick = (p: RecoveryPoint | undefined, key: string) =>
    p === undefined ? undefined : key === 'mrr' ? p.mrr : key === 'mrc' ? p.mrc : p.ratio;
  const rows = headline(f, (key) => RECOVERY_KEYS.has(key)).map((h) => ({
    ...h,
    value: pick(now, h.key),
    previous: pick(before, h.key),
    soFar: missing.length ? pick(f.recovery, h.key) : undefined,
  }));
  return { month, since, sinceIncomplete: before?.incomplete ?? false, missing, rows };
}

/** A KPI target from ops.config.yaml, as its ratio is shown (4 decimals). */
function target(value: number): string {
  return toFixed(dec(value), 4);
}

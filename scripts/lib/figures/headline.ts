/** The headline figures: what the dashboard leads with and what a pull request's figure diff compares. */
import { Decimal, dec, sum, toFixed } from '../money/decimal.js';
import type { Figures } from './index.js';
import { RECOVERY_WORDS } from './recovery.js';
import { plural } from '../text/plural.js';

export type HeadlineKind = 'money' | 'ratio' | 'count' | 'score';

export interface Headline {
  key: string;
  label: string;
  /** For lists such as "Unchanged: MRC, NPS". */
  short: string;
  kind: HeadlineKind;
  /** undefined when the figure does not exist (a ratio without revenue, an NPS without surveys). */
  value: Decimal | undefined;
}

export function headline(f: Figures): Headline[] {
  const overdue = sum(f.receivables.open.filter((o) => o.daysPastDue > 0).map((o) => o.outstandingReporting));
  const nps = f.nps[f.nps.length - 1];
  const count = (n: number) => new Decimal(n);
  return [
    { key: 'mrr', label: 'Monthly recurring revenue (MRR)', short: 'MRR', kind: 'money', value: f.recovery.mrr },
    { key: 'mrc', label: 'Monthly recurring costs (MRC)', short: 'MRC', kind: 'money', value: f.recovery.mrc },
    {
      key: 'cost_recovery_ratio',
      label: `${RECOVERY_WORDS.ratio}, ${RECOVERY_WORDS.ratioReading}`,
      short: 'cost recovery ratio',
      kind: 'ratio',
      value: f.recovery.ratio,
    },
    {
      key: 'receivables',
      label: 'Receivables outstanding',
      short: 'receivables',
      kind: 'money',
      value: f.receivables.outstanding,
    },
    { key: 'overdue', label: 'of which overdue', short: 'overdue receivables', kind: 'money', value: overdue },
    {
      key: 'unbilled',
      label: 'Fees contracted, not yet invoiced',
      short: 'fees not yet invoiced',
      kind: 'count',
      value: count(f.unbilled.length),
    },
    {
      key: 'renewals',
      label: 'Contracts up for renewal',
      short: 'renewals',
      kind: 'count',
      value: count(f.renewals.length),
    },
    {
      key: 'deliverables_overdue',
      label: 'Grant deliverables overdue',
      short: 'overdue deliverables',
      kind: 'count',
      value: count(f.deliverables.overdue.length),
    },
    {
      key: 'nps',
      label: nps ? `Latest NPS (survey ${nps.survey}, ${plural(nps.responses, 'response')})` : 'Latest NPS',
      short: 'NPS',
      kind: 'score',
      value: nps ? count(nps.score) : undefined,
    },
    {
      key: 'declining_usage',
      label: 'Partners with declining usage',
      short: 'declining usage',
      kind: 'count',
      value: count(f.decliningUsage.length),
    },
    {
      key: 'lqr',
      label: `Lead qualification ratio, last 12 months (target ${target(f.ctx.repo.config.lqr_target)})`,
      short: 'LQR',
      kind: 'ratio',
      value: f.lqr.ratio,
    },
    {
      key: 'renewal_rate',
      label: `Renewal rate, last 6 months (target ${target(f.ctx.repo.config.renewal_target)})`,
      short: 'renewal rate',
      kind: 'ratio',
      value: f.renewalRate.rate,
    },
    {
      key: 'fmrr_6',
      label: 'Forecast MRR, next 6 months together (FMRR₆)',
      short: 'FMRR₆',
      kind: 'money',
      value: f.fmrr.total,
    },
    {
      key: 'stale_partners',
      label: 'Partner records not updated recently',
      short: 'stale partner records',
      kind: 'count',
      value: count(f.history.stale.length),
    },
  ];
}

/** A KPI target from ops.config.yaml, as its ratio is shown (4 decimals). */
function target(value: number): string {
  return toFixed(dec(value), 4);
}

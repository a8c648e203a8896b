/**
 * Every report, declared once: its file, the title and one line the
 * dashboard links it with, its template, and the view that builds the
 * template's data. The renderer, the dashboard's list of reports and the
 * command's help all read this list: a new report is one entry here plus
 * its template and view.
 */
import type { Figures } from '../figures/index.js';
import { changesView } from './views/changes.js';
import { communityView } from './views/community.js';
import { costRecoveryView } from './views/cost-recovery.js';
import { dashboardView } from './views/dashboard.js';
import { engagementReviewView } from './views/engagement-review.js';
import { grantsView } from './views/grants.js';
import { invoicingView } from './views/invoicing.js';
import { jointVenturesView } from './views/joint-ventures.js';
import { marketView } from './views/market.js';
import type { ReportMeta } from './views/meta.js';
import { onboardingView } from './views/onboarding.js';
import { partnersIndexView } from './views/partners-index.js';
import { pipelineView } from './views/pipeline.js';
import { pricingView } from './views/pricing.js';
import { projectionView } from './views/projection.js';
import { renewalsView } from './views/renewals.js';
import { runwayView } from './views/runway.js';

export interface ReportInput {
  f: Figures;
  /** The figures a month before, for "change since". */
  previous: Figures;
  meta: ReportMeta;
}

export interface ReportSpec {
  file: string;
  title: string;
  /** What it holds, in one line (the dashboard's list of reports). */
  about: string;
  /** templates/<template>.md.hbs */
  template: string;
  view(input: ReportInput): object;
}

export const DASHBOARD = 'README.md';

export const REPORTS: readonly ReportSpec[] = [
  {
    file: DASHBOARD,
    title: 'Dashboard',
    about: 'the headline figures, what needs action this week, and the way to every report',
    template: 'README',
    view: ({ f, previous, meta }) =>
      dashboardView(
        f,
        previous,
        meta,
        REPORTS.filter((r) => r.file !== DASHBOARD),
      ),
  },
  {
    file: 'engagement-review.md',
    title: 'Weekly engagement review',
    about: 'partner health with its reasons, lapsed agreements, offboarding dates, cloud cost jumps',
    template: 'engagement-review',
    view: ({ f, meta }) => engagementReviewView(f, meta),
  },
  {
    file: 'partners/README.md',
    title: 'Partners',
    about: 'every partner with its stage, owner, health, MRR and costs ÷ revenue, and its own page',
    template: 'partners-index',
    view: ({ f, meta }) => partnersIndexView(f, meta),
  },
  {
    file: 'cost-recovery.md',
    title: 'Cost recovery',
    about: 'monthly recurring revenue against costs, per partner and over 12 months',
    template: 'cost-recovery',
    view: ({ f, meta }) => costRecoveryView(f, meta),
  },
  {
    file: 'invoicing.md',
    title: 'Invoicing',
    about:
      'money owed, aging, overdue invoices, fees contracted and not yet invoiced, contracted vs invoiced vs collected',
    template: 'invoicing',
    view: ({ f, meta }) => invoicingView(f, meta),
  },
  {
    file: 'pricing.md',
    title: 'Pricing',
    about: 'discount against the price book, margin per contract, partners per tier, usage fees per band',
    template: 'pricing',
    view: ({ f, meta }) => pricingView(f, meta),
  },
  {
    file: 'market.md',
    title: 'Market',
    about: "the alternatives' prices beside ours at 50, 500 and 5,000 active users, and reviews over a year old",
    template: 'market',
    view: ({ f, meta }) => marketView(f, meta),
  },
  {
    file: 'joint-ventures.md',
    title: 'Joint ventures',
    about: 'revenue sold through resellers, the shares paid, and the cloud credits used',
    template: 'joint-ventures',
    view: ({ f, meta }) => jointVenturesView(f, meta),
  },
  {
    file: 'renewals.md',
    title: 'Renewals',
    about: 'contracts ending soon and their notice deadlines',
    template: 'renewals',
    view: ({ f, meta }) => renewalsView(f, meta),
  },
  {
    file: 'grants.md',
    title: 'Grants',
    about: 'deliverables and funder reports per grant, with a timeline',
    template: 'grants',
    view: ({ f, meta }) => grantsView(f, meta),
  },
  {
    file: 'onboarding.md',
    title: 'Onboarding',
    about: 'checklist progress and time from one milestone to the next',
    template: 'onboarding',
    view: ({ f, meta }) => onboardingView(f, meta),
  },
  {
    file: 'community.md',
    title: 'Community',
    about: 'NPS per survey and hub usage',
    template: 'community',
    view: ({ f, meta }) => communityView(f, meta),
  },
  {
    file: 'pipeline.md',
    title: 'Pipeline',
    about:
      'business-development KPIs against their targets, the funnel by lead source, forecast MRR, renewals, ' +
      'cohorts, leads by stage and grant prospects',
    template: 'pipeline',
    view: ({ f, meta }) => pipelineView(f, meta),
  },
  {
    file: 'projection.md',
    title: 'Projection',
    about: 'committed and weighted pipeline revenue against costs, 18 months ahead',
    template: 'projection',
    view: ({ f, meta }) => projectionView(f, meta),
  },
  {
    file: 'runway.md',
    title: 'Runway',
    about: 'how long the money lasts, scenarios of the pipeline, whether it covers the gap, contracts not collected',
    template: 'runway',
    view: ({ f, meta }) => runwayView(f, meta),
  },
  {
    file: 'changes.md',
    title: 'Changes',
    about: 'what changed in the data over the last 30 days, by whom',
    template: 'changes',
    view: ({ f, meta }) => changesView(f, meta),
  },
];

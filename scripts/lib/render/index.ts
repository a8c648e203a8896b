/** Every report of one as-of date, rendered in memory: path under the report folder → Markdown. */
import type { Figures } from '../figures/index.js';
import { render } from './templates.js';
import { changesView } from './views/changes.js';
import { communityView } from './views/community.js';
import { costRecoveryView } from './views/cost-recovery.js';
import { dashboardView } from './views/dashboard.js';
import { grantsView } from './views/grants.js';
import { invoicingView } from './views/invoicing.js';
import type { ReportMeta } from './views/meta.js';
import { onboardingView } from './views/onboarding.js';
import { partnerPageIndex, partnerView } from './views/partner.js';
import { pipelineView } from './views/pipeline.js';
import { projectionView } from './views/projection.js';
import { renewalsView } from './views/renewals.js';

export type { ReportMeta };

export function renderReports(f: Figures, previous: Figures, meta: ReportMeta): Map<string, string> {
  const out = new Map<string, string>([
    ['README.md', render('README', dashboardView(f, previous, meta))],
    ['cost-recovery.md', render('cost-recovery', costRecoveryView(f, meta))],
    ['invoicing.md', render('invoicing', invoicingView(f, meta))],
    ['renewals.md', render('renewals', renewalsView(f, meta))],
    ['grants.md', render('grants', grantsView(f, meta))],
    ['onboarding.md', render('onboarding', onboardingView(f, meta))],
    ['community.md', render('community', communityView(f, meta))],
    ['pipeline.md', render('pipeline', pipelineView(f, meta))],
    ['projection.md', render('projection', projectionView(f, meta))],
    ['changes.md', render('changes', changesView(f, meta))],
  ]);
  const index = partnerPageIndex(f);
  for (const partner of f.ctx.repo.partners) {
    out.set(`partners/${partner.id}.md`, render('partner', partnerView(f, partner, index, meta)));
  }
  return out;
}

/**
 * Every report of one as-of date: [path under the report folder, Markdown],
 * rendered one at a time as they are consumed, so thousands of partner
 * pages never sit in memory together.
 */
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

export function* renderReports(f: Figures, previous: Figures, meta: ReportMeta): Generator<[string, string]> {
  yield ['README.md', render('README', dashboardView(f, previous, meta))];
  yield ['cost-recovery.md', render('cost-recovery', costRecoveryView(f, meta))];
  yield ['invoicing.md', render('invoicing', invoicingView(f, meta))];
  yield ['renewals.md', render('renewals', renewalsView(f, meta))];
  yield ['grants.md', render('grants', grantsView(f, meta))];
  yield ['onboarding.md', render('onboarding', onboardingView(f, meta))];
  yield ['community.md', render('community', communityView(f, meta))];
  yield ['pipeline.md', render('pipeline', pipelineView(f, meta))];
  yield ['projection.md', render('projection', projectionView(f, meta))];
  yield ['changes.md', render('changes', changesView(f, meta))];
  const index = partnerPageIndex(f);
  for (const partner of f.ctx.repo.partners) yield [`partners/${partner.id}.md`, render('partner', partnerView(f, partner, index, meta))];
}

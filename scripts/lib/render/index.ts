/**
 * Every report of one as-of date: [path under the report folder, Markdown],
 * rendered one at a time as they are consumed, so thousands of partner
 * pages never sit in memory together.
 */
import type { Figures } from '../figures/index.js';
import { billingStatement } from '../figures/billing.js';
import { addMonths } from '../time/calendar.js';
import { billingBody } from './billing.js';
import { REPORTS } from './reports.js';
import { header } from './views/meta.js';
import { render } from './templates.js';
import type { ReportMeta } from './views/meta.js';
import { BILLING_PAGE } from './views/links.js';
import { partnerPageIndex, partnerView } from './views/partner.js';

export type { ReportMeta };

export function* renderReports(f: Figures, previous: Figures, meta: ReportMeta): Generator<[string, string]> {
  for (const report of REPORTS) yield [report.file, render(report.template, report.view({ f, previous, meta }))];
  // The billing statement of the month before the as-of month (what finance sends the fiscal sponsor), at one path
  // whatever the month (named inside): a run at a later date replaces it rather than adding a file beside the
  // published one, so `git checkout reports` puts the published set back whole. Any month: `npm run billing`.
  const billed = addMonths(f.ctx.month, -1);
  yield [
    BILLING_PAGE,
    render('billing', {
      header: {
        ...header(meta, `Billing statement — ${billed}`, '../'),
        amounts: "amounts in each contract's currency",
      },
      body: billingBody(f.ctx.repo, billingStatement(f.ctx.repo, billed), billed),
    }),
  ];
  // And a page per partner.
  const index = partnerPageIndex(f);
  for (const partner of f.ctx.repo.partners)
    yield [`partners/${partner.id}.md`, render('partner', partnerView(f, partner, index, meta))];
}

/**
 * Every report of one as-of date: [path under the report folder, Markdown],
 * rendered one at a time as they are consumed, so thousands of partner
 * pages never sit in memory together.
 */
import type { Figures } from '../figures/index.js';
import { REPORTS } from './reports.js';
import { render } from './templates.js';
import type { ReportMeta } from './views/meta.js';
import { partnerPageIndex, partnerView } from './views/partner.js';

export type { ReportMeta };

export function* renderReports(f: Figures, previous: Figures, meta: ReportMeta): Generator<[string, string]> {
  for (const report of REPORTS) yield [report.file, render(report.template, report.view({ f, previous, meta }))];
  // And a page per partner.
  const index = partnerPageIndex(f);
  for (const partner of f.ctx.repo.partners)
    yield [`partners/${partner.id}.md`, render('partner', partnerView(f, partner, index, meta))];
}

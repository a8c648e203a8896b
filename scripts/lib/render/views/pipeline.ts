/** pipeline.md: the business-development KPIs, open leads by stage with the deals at stake, and grant prospects. */
import type { Figures } from '../../figures/index.js';
import { OPEN_STAGES } from '../../figures/pipeline.js';
import { sum } from '../../money/decimal.js';
import { md } from '../markdown.js';
import { money } from '../numbers.js';
import { kpiView } from './kpis.js';
import { code, partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';

export function pipelineView(f: Figures, meta: ReportMeta) {
  const stages = OPEN_STAGES.map((stage) => {
    const deals = f.deals.filter((d) => d.stage === stage);
    return {
      stage,
      count: String(deals.length),
      value: money(sum(deals.map((d) => d.annualValue))),
      weighted: money(sum(deals.map((d) => d.weightedValue))),
      deals: deals.map((d) => ({
        partner: partnerLink(d.partner),
        drafts: d.drafts.map(code).join(', ') || '—',
        value: money(d.annualValue),
        weighted: money(d.weightedValue),
      })),
    };
  });
  return {
    header: header(meta, 'Pipeline'),
    ...kpiView(f),
    stages,
    totalValue: money(sum(f.deals.map((d) => d.annualValue))),
    totalWeighted: money(sum(f.deals.map((d) => d.weightedValue))),
    grants: f.grantProspects.map((g) => ({
      grant: code(g.grant),
      title: md(g.title),
      funder: md(g.funder),
      status: g.status,
      amount: money(g.amount),
    })),
    grantsTotal: money(sum(f.grantProspects.map((g) => g.amount))),
  };
}

/** community.md: NPS and CSAT over the survey rounds, support, training, and hub usage per partner. */
import { csatLabel, MIN_RESPONSES_PER_PARTNER, partnerNps, usageByMonth } from '../../figures/community.js';
import type { Figures } from '../../figures/index.js';
import { addMonths } from '../../time/calendar.js';
import { xyChart } from '../charts.js';
import { tableRows } from '../markdown.js';
import { partnerLink } from './links.js';
import { header, type ReportMeta } from './meta.js';
import { plural } from '../../text/plural.js';

export const USAGE_MONTHS = 6;

export function communityView(f: Figures, meta: ReportMeta) {
  const months = Array.from({ length: USAGE_MONTHS }, (_, i) => addMonths(f.ctx.month, i - USAGE_MONTHS + 1));
  const declining = new Set(f.decliningUsage);
  const byPartner = f.ctx.repo.partners.map((p) => ({ p, byMonth: usageByMonth(p) }));
  // The long tables' rows as one text each (see tableRows): hundreds of partners, each a row of six months.
  const usage = byPartner
    .filter(({ byMonth }) => months.some((m) => byMonth.has(m)))
    .map(({ p, byMonth }) => {
      let row = `| ${partnerLink(p)} |`;
      for (const m of months) row += ` ${byMonth.has(m) ? String(byMonth.get(m)) : '—'} |`;
      return `${row} ${declining.has(p.id) ? '**declining**' : ''} |`;
    })
    .join('\n');
  const totals = months.map((m) => byPartner.reduce((n, { byMonth }) => n + (byMonth.get(m) ?? 0), 0));
  return {
    header: header(meta, 'Community'),
    nps: f.nps.map((n) => ({
      survey: n.survey,
      score: String(n.score),
      responses: String(n.responses),
      promoters: String(n.promoters),
      detractors: String(n.detractors),
    })),
    npsChart: f.nps.length
      ? xyChart({
          title: 'NPS by survey round',
          x: f.nps.map((n) => n.survey),
          yLabel: 'NPS',
          series: [{ name: 'NPS', kind: 'bar', values: f.nps.map((n) => n.score) }],
        })
      : '',
    minResponses: String(MIN_RESPONSES_PER_PARTNER),
    partnerNps: tableRows(
      f.ctx.repo.partners.flatMap((p) => {
        const n = partnerNps(f.ctx, p);
        return n ? [[partnerLink(p), String(n.score), String(n.responses)]] : [];
      }),
    ),
    csat: f.csat.map((c) => ({ survey: csatLabel(c.survey), score: `${c.score} %`, responses: String(c.responses) })),
    support: {
      opened: String(f.support.opened),
      onTime:
        f.support.onTimePct === undefined ? '—' : `${f.support.onTimePct} % (${f.support.onTime} of ${f.support.due})`,
      toAcknowledge:
        f.support.medianHoursToAcknowledge === undefined ? '—' : plural(f.support.medianHoursToAcknowledge, 'hour'),
      toResolve: f.support.medianDaysToResolve === undefined ? '—' : plural(f.support.medianDaysToResolve, 'day'),
      stale: f.support.openOver7Days.map((x) => ({
        partner: partnerLink(x.partner),
        id: x.request.id,
        priority: x.request.priority,
        days: String(x.days),
      })),
    },
    training: f.training.partners.map((t) => ({
      partner: partnerLink(t.partner),
      sessions: String(t.sessions),
      attendees: String(t.attendees),
    })),
    untrained: f.training.untrained.map((p) => partnerLink(p)).join(', '),
    months,
    usage,
    usageChart: xyChart({
      title: 'Monthly active users, all hubs',
      x: months,
      yLabel: 'users',
      series: [{ name: 'users', kind: 'line', values: totals }],
    }),
  };
}

/** market.md: the alternatives' prices beside the current price book's, and the reviews over a year old. */
import type { Figures } from '../../figures/index.js';
import { MARKET_SIZES, STALE_REVIEW_DAYS, type PriceRow } from '../../figures/market.js';
import { md, mdLink, notesMarkdown } from '../markdown.js';
import { money } from '../numbers.js';
import { header, type ReportMeta } from './meta.js';
import { count } from '../../text/grouped.js';

export function marketView(f: Figures, meta: ReportMeta) {
  const m = f.market;
  const row = (r: PriceRow) => ({
    alternative: r.entry ? mdLink(r.entry.value.name, r.entry.value.url) : `**Our price book (${m.book})**`,
    kind: r.entry ? r.entry.value.kind : 'nonprofit',
    item: md(r.item),
    prices: r.perUserMonth.map((d) => (d === undefined ? '—' : money(d))),
    perYear: r.perYear === undefined ? '—' : money(r.perYear),
    perHour: r.perHour === undefined ? '—' : money(r.perHour),
  });
  return {
    header: header(meta, 'Market'),
    sizes: MARKET_SIZES.map(count),
    book: m.book,
    rows: [...m.ours.map(row), ...m.theirs.map(row)],
    staleDays: String(STALE_REVIEW_DAYS),
    stale: m.stale.map((e) => ({
      name: mdLink(e.value.name, e.value.url),
      reviewed: e.value.reviewed,
      id: e.value.id,
    })),
    notes: f.ctx.repo.market
      .filter((e) => e.notes?.trim())
      .map((e) => ({ name: md(e.value.name), notes: notesMarkdown(e.notes!) })),
  };
}

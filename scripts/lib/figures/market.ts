/**
 * Market research (SPEC-2 D): the alternatives' prices beside the current
 * price book's, per active user and month at a small, a medium and a large
 * community, per year for a membership, per hour; and the entries not
 * reviewed for a year.
 */
import { Decimal, dec } from '../money/decimal.js';
import type { MarketEntry } from '../model/records.js';
import type { Item } from '../model/repository.js';
import { addDays } from '../time/calendar.js';
import type { FigureContext } from './context.js';
import { bookInForce, tierYearly, usageFee } from './price-book.js';

/** The community sizes (monthly active users) the prices are compared at. */
export const MARKET_SIZES = [50, 500, 5000] as const;
/** An entry not reviewed for this many days is stale. */
export const STALE_REVIEW_DAYS = 365;

export interface PriceRow {
  /** The alternative, or undefined for the organisation's own price book. */
  entry?: Item<MarketEntry>;
  item: string;
  /** Per active user and month at each of MARKET_SIZES; undefined where the price is not per user or per month. */
  perUserMonth: (Decimal | undefined)[];
  perYear?: Decimal;
  perHour?: Decimal;
}

export interface MarketFigures {
  /** The book in force at D, or undefined before the first. */
  book?: string;
  ours: PriceRow[];
  theirs: PriceRow[];
  /** Reviewed on or before D − 365 days, oldest first. */
  stale: Item<MarketEntry>[];
}

export function market(ctx: FigureContext): MarketFigures {
  const month = ctx.month;
  const book = bookInForce(
    ctx.repo.priceBooks.map((b) => b.value),
    ctx.asOf,
  );
  const ours: PriceRow[] = [];
  if (book) {
    const at = (d: Decimal) => ctx.fx.convert(d, book.currency, month);
    // A community on a tier pays the tier's yearly price and the monthly usage fee of its users.
    for (const tier of book.tiers) {
      const yearly = tierYearly(book, tier.id)!;
      ours.push({
        item: `${tier.name}, with the usage fee`,
        perUserMonth: MARKET_SIZES.map((n) => at(yearly.dividedBy(12).plus(usageFee(book.mau_bands, n)).dividedBy(n))),
        perYear: at(yearly),
      });
    }
    if (book.hourly_rate !== undefined)
      ours.push({
        item: 'Directed engagement',
        perUserMonth: MARKET_SIZES.map(() => undefined),
        perHour: at(dec(book.hourly_rate)),
      });
  }
  const theirs = ctx.repo.market
    .slice()
    .sort((a, b) => (a.value.name < b.value.name ? -1 : 1))
    .flatMap((entry) =>
      entry.value.pricing.map((p): PriceRow => {
        const amount = ctx.fx.convert(dec(p.amount), p.currency, month);
        const perUserMonth = MARKET_SIZES.map((n) =>
          p.per === 'user-month'
            ? amount
            : p.per === 'month'
              ? amount.dividedBy(n)
              : p.per === 'year'
                ? amount.dividedBy(12).dividedBy(n)
                : undefined,
        );
        return {
          entry,
          item: p.item,
          perUserMonth,
          ...(p.per === 'year' && { perYear: amount }),
          ...(p.per === 'hour' && { perHour: amount }),
        };
      }),
    );
  const staleBy = addDays(ctx.asOf, -STALE_REVIEW_DAYS);
  const stale = ctx.repo.market
    .filter((m) => m.value.reviewed <= staleBy)
    .sort((a, b) => (a.value.reviewed < b.value.reviewed ? -1 : 1));
  return { book: book?.id, ours, theirs, stale };
}

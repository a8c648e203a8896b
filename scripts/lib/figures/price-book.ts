/**
 * The price book (pricing/<book-id>.yaml, SPEC-2 A): which book is in force
 * at a date, a tier's yearly list price, and the monthly usage fee of a
 * number of monthly active users in marginal bands. Pure functions of the
 * records: billing, the figures and the market and pricing reports all
 * price from here.
 */
import { Decimal, dec, ZERO } from '../money/decimal.js';
import type { Contract, Fee, PriceBook } from '../model/records.js';

/** One band of monthly active users: users above the previous band's `up_to` and up to its own, at `price` each. */
export interface Band {
  up_to?: number;
  price: number;
}

/**
 * The book in force on `date` (YYYY-MM-DD): the one with the latest
 * `effective_from` on or before it; undefined before the first book.
 */
export function bookInForce<B extends Pick<PriceBook, 'effective_from'>>(
  books: readonly B[],
  date: string,
): B | undefined {
  let found: B | undefined;
  for (const b of books) if (b.effective_from <= date && (!found || b.effective_from > found.effective_from)) found = b;
  return found;
}

const PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

/**
 * A tier's list price per year in the book's currency (15,000/year → 15000;
 * 1,500/month → 18000); undefined when the book has no such tier.
 */
export function tierYearly(book: Pick<PriceBook, 'tiers'>, tier: string): Decimal | undefined {
  const t = book.tiers.find((x) => x.id === tier);
  return t && dec(t.amount).times(PER_YEAR[t.per]);
}

/**
 * The monthly usage fee of `users` monthly active users: Σ over the bands of
 * (users falling in the band) × its price, then at most `cap`. With bands
 * 10@10, 100@5, 1000@2.5: 137 users → 10×10 + 90×5 + 37×2.5 = 642.50.
 */
export function usageFee(bands: readonly Band[], users: number, cap?: number): Decimal {
  let fee = ZERO;
  let below = 0;
  for (const band of bands) {
    if (users <= below) break;
    const top = band.up_to === undefined ? users : Math.min(users, band.up_to);
    if (top > below) fee = fee.plus(dec(band.price).times(top - below));
    below = Math.max(below, top);
  }
  return cap === undefined ? fee : Decimal.min(fee, dec(cap));
}

/** The usage fee of each band for `users`, in band order (for the pricing report's revenue per band). */
export function usageFeeByBand(bands: readonly Band[], users: number): Decimal[] {
  let below = 0;
  return bands.map((band) => {
    const top = band.up_to === undefined ? users : Math.min(users, band.up_to);
    const inBand = Math.max(0, top - below);
    below = Math.max(below, top);
    return dec(band.price).times(inBand);
  });
}

/**
 * What a partner on `tier` with `mau` monthly active users pays a year at
 * the list prices of `book`: the tier's yearly list price + 12 × the usage
 * fee of `mau` on the book's bands. Undefined when the book has no such tier.
 */
export function listPriceAt(
  book: Pick<PriceBook, 'tiers' | 'mau_bands'>,
  tier: string,
  mau: number,
): Decimal | undefined {
  const yearly = tierYearly(book, tier);
  return yearly && yearly.plus(usageFee(book.mau_bands, mau).times(12));
}

/** The date a contract's prices are fixed at: `signed`, or `start` for a draft (or an unsigned record). */
export function pricingDate(c: Pick<Contract, 'signed' | 'start'>): string {
  return c.signed ?? c.start;
}

/** The bands of a metered fee: its own, else those of the book in force at the contract's pricing date. */
export function feeBands(
  books: readonly PriceBook[],
  contract: Pick<Contract, 'signed' | 'start'>,
  fee: Pick<Fee, 'bands'>,
): readonly Band[] | undefined {
  return fee.bands ?? bookInForce(books, pricingDate(contract))?.mau_bands;
}

/** Conversion to the reporting currency at the rate in force in a month. */
import type { Config, Currency } from '../model/records.js';
import { Decimal, dec, ZERO } from './decimal.js';

/** The rate of the reporting currency itself (a Decimal never changes, so one serves every call). */
const PAR = dec(1);

export class FxTable {
  private readonly rates = new Map<string, { from: string; rate: Decimal }[]>();
  private readonly cache = new Map<string, Decimal | undefined>();

  constructor(readonly config: Pick<Config, 'reporting_currency' | 'fx'>) {
    for (const [code, entries] of Object.entries(config.fx)) {
      this.rates.set(
        code,
        entries.map((e) => ({ from: e.from, rate: dec(e.rate) })).sort((a, b) => (a.from < b.from ? -1 : 1)),
      );
    }
  }

  /** The rate of `currency` in `month`, or undefined when none is in force. */
  rate(currency: string, month: string): Decimal | undefined {
    if (currency === this.config.reporting_currency) return PAR;
    const key = `${currency} ${month}`;
    if (this.cache.has(key)) return this.cache.get(key);
    let found: Decimal | undefined;
    for (const e of this.rates.get(currency) ?? []) if (e.from <= month) found = e.rate;
    this.cache.set(key, found);
    return found;
  }

  /** The first month any rate of `currency` applies from. */
  firstMonth(currency: string): string | undefined {
    return this.rates.get(currency)?.[0]?.from;
  }

  /** Converts; a zero needs no rate. Validation guarantees a rate wherever a non-zero amount is converted. */
  convert(amount: Decimal, currency: Currency, month: string): Decimal {
    if (amount.isZero()) return ZERO;
    // Already in the reporting currency: the amount itself (its rate is exactly 1).
    if (currency === this.config.reporting_currency) return amount;
    const r = this.rate(currency, month);
    if (!r) throw new Error(`no exchange rate for ${currency} in ${month}`);
    return amount.times(r);
  }
}

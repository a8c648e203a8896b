/** ISO 4217 minor units of the currencies the schema accepts. */
import type { Currency } from '../model/records.js';

export const MINOR_UNITS: Record<Currency, number> = {
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  SEK: 2,
  SGD: 2,
  USD: 2,
  ZAR: 2,
};

const EURO_AREA = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];

/** The currency a partner in each country is usually billed in, for the currencies the schema accepts. */
export const COUNTRY_CURRENCY: Readonly<Record<string, Currency>> = {
  ...Object.fromEntries(EURO_AREA.map((c) => [c, 'EUR' as Currency])),
  AU: 'AUD', BR: 'BRL', CA: 'CAD', CH: 'CHF', CN: 'CNY', DK: 'DKK', GB: 'GBP', HK: 'HKD', IN: 'INR', JP: 'JPY',
  KR: 'KRW', MX: 'MXN', NO: 'NOK', NZ: 'NZD', SE: 'SEK', SG: 'SGD', US: 'USD', ZA: 'ZAR',
};

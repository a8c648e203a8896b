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

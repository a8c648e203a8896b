/**
 * One definition of a valid amount of money, used by the validator and by
 * every command that takes an amount (`record payment --amount …`), so both
 * refuse the same values in the same words: the value as YAML reads it, the
 * schema of the field it goes into, and the currency's decimals.
 */
import { parse } from 'yaml';
import { YAML_OPTIONS } from '../load/yaml-schema.js';
import { MINOR_UNITS } from '../money/currency.js';
import { dec, decimalPlaces } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import { formatMessage, type Message } from './rule.js';
import { describeSchemaErrors } from './schema-problems.js';
import { schemaAt } from './schemas.js';

/** Where each kind of amount lives in the schemas. */
export const AMOUNT_FIELDS = {
  payment: 'invoices.schema.json#/items/properties/payments/items/properties/amount',
  invoice: 'invoices.schema.json#/items/properties/amount',
  fee: 'contract.schema.json#/properties/fees/items/properties/amount',
  'cloud-cost': 'cloud-costs.schema.json#/items/properties/amount',
  grant: 'grant.schema.json#/properties/amount',
  cash: 'cash.schema.json#/items/properties/amount',
} as const;
export type AmountField = keyof typeof AMOUNT_FIELDS;

/** The money-precision rule's words, shared with the commands that take an amount. */
export const PRECISION_MESSAGES: { decimals: Message } = {
  decimals: {
    text: '{{amount}} has more decimals than {{currency}} allows ({{allowed}})',
    hint: 'write it with at most {{allowed}}, e.g. {{example}}',
  },
};

/** The data of the money-precision finding for an amount, or undefined when it has no more decimals than allowed. */
export function precisionData(amount: number, currency: Currency): Record<string, string | number> | undefined {
  const allowed = MINOR_UNITS[currency] as number | undefined;
  // An unknown currency is the schema's finding, not this one's.
  if (allowed === undefined || withinDecimals(amount, allowed) || decimalPlaces(amount) <= allowed) return undefined;
  return { amount, currency, allowed, example: dec(amount).toFixed(allowed) };
}

/**
 * True when the amount surely has at most `places` decimals, told without writing it out as text (every amount of
 * every record is asked): it is then the number nearest to a whole count of 1/10^places, which its shortest text
 * writes with at most `places` decimals. False says nothing (decimalPlaces decides); a test holds the two together.
 */
export function withinDecimals(amount: number, places: number): boolean {
  const scale = 10 ** places;
  // Beyond 2^53 / scale a count is no longer whole in a double.
  return Math.abs(amount) < Number.MAX_SAFE_INTEGER / scale && Math.round(amount * scale) / scale === amount;
}

export function precisionProblem(amount: number, currency: Currency): string | undefined {
  const data = precisionData(amount, currency);
  return data && formatMessage(PRECISION_MESSAGES.decimals, data);
}

/**
 * What is wrong with an amount typed as text for `field`, in the validator's
 * words, or undefined. Without a currency, its decimals are not checked.
 */
export function amountProblem(text: string, field: AmountField, currency?: Currency): string | undefined {
  let value: unknown;
  try {
    value = parse(text, YAML_OPTIONS);
  } catch {
    value = text;
  }
  const validate = schemaAt(AMOUNT_FIELDS[field]);
  if (!validate(value))
    return describeSchemaErrors(validate.errors ?? [])[0]?.message.replace(/^'entry'|^'file'/, "'amount'");
  return currency && precisionProblem(value as number, currency);
}

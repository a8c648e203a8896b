/**
 * The figures table's entries (index.ts) for invoicing: receivables, fees not yet invoiced, per-
 * contract ledgers, and renewals.
 */
import { MINOR_UNITS } from '../../money/currency.js';
import { toFixed } from '../../money/decimal.js';
import { ledgers } from '../ledger.js';
import { BUCKETS, receivables } from '../receivables.js';
import { renewals } from '../renewals.js';
import { unbilled } from '../unbilled.js';
import { money, figure } from './figure.js';

export const INVOICING_FIGURES = {
  receivables: figure({
    about: 'outstanding receivables by age, and the overdue invoices',
    section: 'Invoicing',
    compute: ({ ctx }) => receivables(ctx),
    json: (r) => ({
      receivables: {
        outstanding: money(r.outstanding),
        buckets: Object.fromEntries(BUCKETS.map((b) => [b, money(r.buckets[b])])),
        overdue_invoices: r.open.filter((o) => o.daysPastDue > 0).map((o) => o.invoice.number),
      },
    }),
  }),
  unbilled: figure({
    about: 'fixed-fee billing periods due and one-time fees dated by D that no invoice bills, with their amounts',
    section: 'Invoicing',
    compute: ({ ctx }) => unbilled(ctx),
    json: (u) => ({
      unbilled: u.map(({ contract, kind, from, to, amount, currency }) => ({
        contract,
        kind,
        from,
        to,
        amount: toFixed(amount, MINOR_UNITS[currency]),
        currency,
      })),
    }),
  }),
  renewals: figure({
    about: 'active contracts ending within the renewal window, with their notice dates',
    section: 'Renewals',
    compute: ({ ctx }) => renewals(ctx),
    json: (r) => ({ renewals: r.map(({ contract, end, noticeBy }) => ({ contract, end, notice_by: noticeBy })) }),
  }),
  ledgers: figure({
    about: 'per contract: contracted, invoiced and collected to date',
    section: 'Invoicing',
    compute: ({ ctx }) => ledgers(ctx),
    json: (ls) => ({
      contracts: ls.map((l) => ({
        contract: l.contract,
        partner: l.partner,
        currency: l.currency,
        contracted: money(l.contracted),
        invoiced: money(l.invoiced),
        collected: money(l.collected),
      })),
    }),
  }),
};

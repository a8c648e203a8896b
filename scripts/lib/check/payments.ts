/**
 * How an invoice's payments compare with its amount: paid-status and payment-total both ask, for every invoice.
 */
import { dec, sum } from '../money/decimal.js';
import type { Invoice } from '../model/records.js';

/**
 * -1, 0 or 1 as the payments add up to less than, exactly or more than the amount. Nearly every invoice has no
 * payment or one, and then the two numbers as read are compared, without a decimal: dec() reads a number from
 * its shortest text, and two numbers order as their shortest texts do (a test holds this to decimal.js).
 */
export function paidVersusAmount(invoice: Pick<Invoice, 'amount' | 'payments'>): number {
  const { amount, payments = [] } = invoice;
  if (payments.length <= 1) {
    const paid = payments.length === 0 ? 0 : payments[0].amount;
    return paid === amount ? 0 : paid < amount ? -1 : 1;
  }
  return sum(payments.map((p) => dec(p.amount))).comparedTo(dec(amount));
}

/** The payments' total, written out for a finding's message. */
export function paidTotal(invoice: Pick<Invoice, 'payments'>): string {
  return sum((invoice.payments ?? []).map((p) => dec(p.amount))).toString();
}

/**
 * What lineless invoices bill, told from the union of their periods, held
 * to the plain reading of R1 over random contracts and invoices: for each
 * fee period, the invoices overlapping it, those holding it whole, and
 * whether those overlapping cover it together (isCovered). The list not yet
 * invoiced, its part due by a date, and each invoice number billedBy names
 * must come out the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../scripts/lib/money/decimal.js';
import { billedBy, feePeriods, notInvoiced, notInvoicedBy } from '../scripts/lib/model/invoice-bills.js';
import type { Contract, Invoice } from '../scripts/lib/model/records.js';
import { fromDays, toDays } from '../scripts/lib/time/calendar.js';
import { isCovered, type Period } from '../scripts/lib/time/periods.js';

const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => fromDays(toDays('2024-01-01') + n));
const span = fc.tuple(day, fc.integer({ min: -40, max: 200 })).map(([from, n]) => ({
  from,
  // Now and then a period ending before it starts (an error the checks report): still answered the same.
  to: fromDays(toDays(from) + n),
}));

/** The fee periods each lineless invoice bills, period by period over every invoice (R1 as written). */
function plainBills(contract: Contract, invoices: readonly Invoice[]) {
  const lineless = invoices.filter((i) => i.contract === contract.id && i.status !== 'void' && i.period);
  const byInvoice = new Map<Invoice, Period[]>(lineless.map((i) => [i, []]));
  for (const p of feePeriods(contract)) {
    const overlapping = lineless.filter((i) => i.period!.from <= p.to && i.period!.to >= p.from);
    const inside = overlapping.filter((i) => i.period!.from <= p.from && i.period!.to >= p.to);
    const billing =
      inside.length > 0
        ? inside
        : overlapping.length > 0 &&
            isCovered(
              p,
              overlapping.map((i) => i.period!),
            )
          ? overlapping
          : [];
    for (const i of billing) byInvoice.get(i)!.push(p);
  }
  return byInvoice;
}

function plainNotInvoiced(contract: Contract, invoices: readonly Invoice[]) {
  const billed = new Set([...plainBills(contract, invoices).values()].flat());
  return feePeriods(contract)
    .filter((p) => !billed.has(p))
    .map((p) => ({ from: p.from, to: p.to, amount: sum(p.fees.map((f) => f.amount)).toFixed(2) }));
}

function plainBilledBy(contract: Contract, invoices: readonly Invoice[], item: Period) {
  const bills = plainBills(contract, invoices);
  const numbers = invoices
    .filter((i) => bills.get(i)?.some((p) => p.from <= item.from && p.to >= item.to))
    .map((i) => i.number);
  return numbers.length ? numbers.join(' + ') : undefined;
}

describe('what lineless invoices bill, from the union of their periods', () => {
  it('is what each fee period’s overlapping invoices bill, holding it or covering it together', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -20, max: 1000 }),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, 'once' as const),
        fc.constantFrom('advance' as const, 'arrears' as const),
        // Invoices one after the other (a gap, an overlap or the day after the one before), in file order or not.
        day,
        fc.array(
          fc.tuple(
            fc.integer({ min: -3, max: 3 }),
            fc.integer({ min: -2, max: 120 }),
            fc.constantFrom('sent', 'paid', 'void'),
            fc.constantFrom('c', 'other'),
          ),
          { maxLength: 12 },
        ),
        fc.boolean(),
        day,
        fc.array(span, { maxLength: 4 }),
        (start, length, every, when, first, chain, reversed, date, items) => {
          const contract = {
            id: 'c',
            status: 'active',
            start,
            end: fromDays(toDays(start) + length),
            currency: 'USD',
            billing: { every, in: when },
            fees: [
              { id: 'f', description: 'F', amount: 1000, per: 'month' },
              { id: 'g', description: 'G', amount: 12.34, per: 'quarter' },
            ],
          } as unknown as Contract;
          let next = toDays(first);
          const invoices = chain.map(([gap, days, status, of], k) => {
            const period = { from: fromDays(next + gap), to: fromDays(next + gap + days) };
            next = next + gap + Math.max(days, 0) + 1;
            return { number: `I${k}`, contract: of, status, amount: 1000, period } as unknown as Invoice;
          });
          if (reversed) invoices.reverse();
          const open = (list: readonly { from: string; to: string; amount: ReturnType<typeof dec> }[]) =>
            list.map((n) => ({ from: n.from, to: n.to, amount: n.amount.toFixed(2) }));
          const plain = plainNotInvoiced(contract, invoices);
          expect(open(notInvoiced(contract, invoices))).toEqual(plain);
          const due = (p: Period) => (when === 'advance' ? p.from : p.to) <= date;
          expect(open(notInvoicedBy(contract, invoices, date))).toEqual(plain.filter(due));
          for (const p of [...feePeriods(contract), ...items])
            for (const ref of ['f', 'g'])
              expect(billedBy(contract, invoices, { kind: 'fee', ref, ...p })).toBe(
                plainBilledBy(contract, invoices, p),
              );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

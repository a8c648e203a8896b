/** Billing periods that are due to be invoiced and that no invoice covers yet. */
import { billingPeriods, isCovered, type Period } from '../time/periods.js';
import type { FigureContext } from './context.js';

export interface UnbilledPeriod extends Period {
  contract: string;
  partner: string;
}

export function unbilled(ctx: FigureContext): UnbilledPeriod[] {
  const out: UnbilledPeriod[] = [];
  for (const view of ctx.contracts) {
    const { contract, partner } = view;
    if (contract.status === 'draft') continue;
    // Nothing to bill: no fees and no cloud bill to pass through.
    if (contract.fees.length === 0 && contract.cloud.billing !== 'pass-through') continue;
    const covers = partner.invoices
      .filter((i) => i.value.contract === contract.id && i.value.status !== 'void' && i.value.period)
      .map((i) => i.value.period!);
    for (const period of billingPeriods(view.effective.from, view.effective.to, contract.billing.every)) {
      const billable = contract.billing.in === 'advance' ? period.from <= ctx.asOf : period.to <= ctx.asOf;
      if (billable && !isCovered(period, covers)) out.push({ contract: contract.id, partner: partner.id, ...period });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.contract < b.contract ? -1 : 1));
}

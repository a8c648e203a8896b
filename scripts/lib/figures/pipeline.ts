/** The sales pipeline: open leads by stage with the deals at stake, and grant prospects. */
import { fixedFees } from '../model/contract-terms.js';
import { Decimal, dec, sum } from '../money/decimal.js';
import type { Currency, Stage } from '../model/records.js';
import type { PartnerFolder } from '../model/repository.js';
import { monthOf } from '../time/calendar.js';
import { partnerName, type FigureContext } from './context.js';
import { annualised } from './recurring.js';

export const OPEN_STAGES: readonly Stage[] = ['lead', 'qualified', 'proposal', 'negotiation'];
export const OPEN_GRANT_STATUSES = ['prospect', 'drafting', 'submitted'] as const;

export interface Deal {
  partner: PartnerFolder;
  name: string;
  stage: Stage;
  /** Draft contracts: their fees over a year, in the reporting currency. */
  annualValue: Decimal;
  /** The same weighted by each draft's probability. */
  weightedValue: Decimal;
  drafts: string[];
}

export interface GrantProspect {
  grant: string;
  title: string;
  funder: string;
  status: string;
  amount: Decimal;
}

/** Converts at the rate of `month`, or of the first month with a rate when `month` precedes it. */
export function convertFrom(ctx: FigureContext, amount: Decimal, currency: Currency, month: string): Decimal {
  const first = ctx.fx.firstMonth(currency);
  return ctx.fx.convert(amount, currency, first !== undefined && first > month ? first : month);
}

export function deals(ctx: FigureContext): Deal[] {
  return ctx.repo.partners
    .filter((p) => p.profile && OPEN_STAGES.includes(p.profile.value.stage))
    .map((partner) => {
      const drafts = (ctx.contractsOf.get(partner) ?? []).filter((v) => v.contract.status === 'draft');
      let annualValue = new Decimal(0);
      let weightedValue = new Decimal(0);
      for (const { contract: c, term } of drafts) {
        const rateMonth = monthOf(c.start) > ctx.month ? monthOf(c.start) : ctx.month;
        const value = convertFrom(
          ctx,
          sum(fixedFees(c).map((f) => annualised(f.amount, f.per, term))),
          c.currency,
          rateMonth,
        ).times(ctx.netOfSponsor);
        annualValue = annualValue.plus(value);
        weightedValue = weightedValue.plus(value.times(c.probability ?? 0).dividedBy(100));
      }
      return {
        partner,
        name: partnerName(partner),
        stage: partner.profile!.value.stage,
        annualValue,
        weightedValue,
        drafts: drafts.map((d) => d.contract.id),
      };
    });
}

export function grantProspects(ctx: FigureContext): GrantProspect[] {
  return ctx.repo.grants
    .filter((g) => g.grant && (OPEN_GRANT_STATUSES as readonly string[]).includes(g.grant.value.status))
    .map(({ grant }) => {
      const g = grant!.value;
      return {
        grant: g.id,
        title: g.title,
        funder: g.funder,
        status: g.status,
        amount: convertFrom(ctx, dec(g.amount), g.currency, ctx.month),
      };
    });
}

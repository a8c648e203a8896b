/** A partner's costs ÷ revenue and cloud cost as the cost-recovery report and its page show them. */
import type { PartnerRecovery } from '../../figures/recovery.js';
import type { Decimal } from '../../money/decimal.js';
import { costRatio, money, NO_RATIO } from '../numbers.js';
import { NOT_RECORDED } from './incomplete.js';

/** A partner's cloud cost, "not recorded" while one of its hubs' bills of the month is missing (never 0.00). */
export function partnerCloud(p: PartnerRecovery, shown: (d: Decimal) => string = money): string {
  return p.missing.some((m) => m.kind === 'cloud-bill') ? NOT_RECORDED : shown(p.cloudCost);
}

/** A partner's costs ÷ revenue as reports show it, or why it has none. */
export function partnerRatio(p: PartnerRecovery): string {
  return p.note === 'no revenue' ? NO_RATIO : (p.note ?? costRatio(p.ratio));
}

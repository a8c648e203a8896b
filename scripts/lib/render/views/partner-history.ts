/**
 * A partner page's histories, short enough to read: the latest rows with the rest folded into <details>, and
 * months with nothing in them named in one line rather than shown as rows of 0.00.
 */
import type { Decimal } from '../../money/decimal.js';
import type { PartnerFolder } from '../../model/repository.js';
import { monthLabel } from './incomplete.js';
import { partnerCloud, partnerRatio } from './partner-ratio.js';
import type { RecoveryHistory } from './partner.js';

/** A history longer than this shows its latest rows and folds the rest into <details>. */
export const SHOWN_ROWS = 12;

/** The latest SHOWN_ROWS rows (newest first), and the older ones folded under a summary saying what they are. */
export function folded<T>(rows: T[], summary: (older: T[]) => string) {
  const older = rows.slice(SHOWN_ROWS);
  return { recent: rows.slice(0, SHOWN_ROWS), older, summary: older.length ? summary(older) : '' };
}

/**
 * The revenue-against-cost months, leaving out those with nothing in them (no revenue, no cloud cost, no share of
 * costs, nothing missing), which one line names instead: a lead's page is not twelve rows of 0.00. `money` is
 * the run's remembered one (rememberedMoney): the rows of all the pages share many of their figures.
 */
export function recoveryRows(history: RecoveryHistory, partner: PartnerFolder, money: (d: Decimal) => string) {
  // Runs of consecutive empty months, by their places in the history (its months are consecutive).
  const empty: [number, number][] = [];
  // The table's rows, as one text below (the template has its heading).
  const recovery: string[] = [];
  for (let i = 0; i < history.length; i++) {
    const { month, byPartner } = history[i];
    const r = byPartner.get(partner)!;
    if (r.revenue.isZero() && r.cloudCost.isZero() && r.sharedCost.isZero() && !r.missing.length) {
      const last = empty.at(-1);
      if (last && last[1] === i - 1) last[1] = i;
      else empty.push([i, i]);
      continue;
    }
    recovery.push(
      `| ${monthLabel(month, r.missing.length > 0)} | ${money(r.revenue)} | ${partnerCloud(r, money)} | ` +
        `${money(r.sharedCost)} | ${partnerRatio(r)} |`,
    );
  }
  // Months as runs: "2025-12 to 2026-08, 2026-10".
  const months = empty
    .map(([a, b]) => (a === b ? history[a].month : `${history[a].month} to ${history[b].month}`))
    .join(', ');
  const nothing = !empty.length
    ? ''
    : recovery.length
      ? `Left out, with no revenue, no cloud cost and no share of the recurring costs: ${months}.`
      : `Nothing in ${months}: no revenue, no cloud cost and no share of the recurring costs.`;
  return { recovery: recovery.join('\n'), nothing };
}

/**
 * Which partners turned off track or at risk since last week: the weekly review lists them, and each one's page
 * says so. The week-ago health is worked out once per report run (it re-reads the data as it stood at D − 7).
 */
import { factsAt } from '../../figures/as-of.js';
import { figureContext } from '../../figures/context.js';
import { engagementHealth, HEALTHS, type Health, type PartnerHealth } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import { addDays } from '../../time/calendar.js';

export interface WeekAgo {
  /** D − 7. */
  weekAgo: string;
  /** Each followed partner's health at D − 7 (a partner not followed then is absent). */
  before: Map<string, Health>;
}

const cache = new WeakMap<Figures, WeekAgo>();

/**
 * The health of every partner a week before (D − 7), from the data as it stood at D − 7; a partner's last update
 * then is its last one at or before D − 7 in the change history of D (a partner changed during the week counts as
 * last changed before it).
 */
export function healthWeekAgo(f: Figures): WeekAgo {
  const known = cache.get(f);
  if (known) return known;
  const weekAgo = addDays(f.asOf, -7);
  const activity = f.history.available
    ? new Map([...f.history.activity].filter(([, a]) => a.lastUpdated <= weekAgo))
    : undefined;
  const before = new Map(
    engagementHealth(figureContext(factsAt(f.ctx.repo, weekAgo), weekAgo), activity).map((h) => [h.partner, h.health]),
  );
  const out = { weekAgo, before };
  cache.set(f, out);
  return out;
}

/** Worst first: off track 0, at risk 1, on track 2, not followed 3. */
export function rank(h: Health | undefined): number {
  return h === undefined ? HEALTHS.length : HEALTHS.indexOf(h);
}

/**
 * Partners whose health is worse than at D − 7: "turned off track" from at risk or on track, or "turned at risk"
 * from on track (or from not being followed yet, e.g. a new onboarding); in the order of f.health.
 */
export function turnedWorse(f: Figures): PartnerHealth[] {
  const { before } = healthWeekAgo(f);
  return f.health.filter((x) => x.health !== 'on-track' && rank(x.health) < rank(before.get(x.partner)));
}

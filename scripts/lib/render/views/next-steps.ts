/**
 * The playbook: for each health reason, the next step and the date it is due. Dates come from the figures
 * where they give one (a lapse's decision date, the offboarding request of an expiring contract); a request
 * already open over 7 days is due today; every other step is due within the week (D + 7).
 */
import type { SignalId } from '../../figures/health.js';
import type { Figures } from '../../figures/index.js';
import { addDays, daysBetween } from '../../time/calendar.js';
import { md } from '../markdown.js';
import { reasonPhrases, type HealthIndex } from './health.js';

export interface NextStep {
  step: string;
  due: string;
}

export function nextStep(f: Figures, index: HealthIndex, partner: string, signal: SignalId): NextStep {
  const week = addDays(f.asOf, 7);
  switch (signal) {
    case 'overdue-60': {
      const worst = index.overdue.get(partner)?.[0];
      return { step: `chase payment of ${worst ? md(worst.invoice.number) : 'the overdue invoice'}`, due: week };
    }
    case 'lapsed': {
      const l = index.lapsed.get(partner);
      return { step: 'renew or offboard', due: l?.decisionBy ?? week };
    }
    case 'notice-passed': {
      const o = f.offboarding.find((x) => x.partner === partner);
      return { step: 'get the renewal signed or send the offboarding request', due: o?.offboardingRequest ?? week };
    }
    case 'declining-usage':
      return { step: 'ask the partner why usage fell', due: week };
    case 'low-satisfaction':
      return { step: 'follow up on the survey answer', due: week };
    case 'stale-request':
      return { step: 'resolve the request or agree a plan with the partner', due: f.asOf };
    case 'cloud-cost-anomaly':
      return { step: 'check the cloud cost jump with the hub team', due: week };
    case 'not-updated':
      return { step: 'check the partner record and bring it up to date', due: week };
    case 'stuck-onboarding':
      return { step: 'agree the next onboarding milestone and its date', due: week };
  }
}

/** A date with how it stands against D: "2026-12-01 (in 7 days)", "2026-11-20 (passed)", "2026-11-24 (today)". */
export function when(date: string, asOf: string): string {
  const days = daysBetween(asOf, date);
  if (days === 0) return `**${date} (today)**`;
  return days < 0 ? `${date} (passed)` : `${date} (in ${days} day${days === 1 ? '' : 's'})`;
}

/**
 * Each health reason of the partner with its next step, as the weekly review and the partner's page both say it:
 * "usage declining: … → next: ask the partner why usage fell by 2026-12-01 (in 7 days)".
 */
export function reasonsWithSteps(f: Figures, index: HealthIndex, partner: string): string[] {
  const phrases = reasonPhrases(index, partner);
  return (index.health.get(partner)?.reasons ?? []).map((r, i) => {
    const n = nextStep(f, index, partner, r);
    return `${phrases[i]} → next: ${n.step} by ${when(n.due, f.asOf).replace(/\*\*/g, '')}`;
  });
}

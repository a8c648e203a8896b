/**
 * The weekly engagement review, the partner page's health line and the
 * dashboard's counts, rendered from a copy of the base fixture at 2027-03-16:
 * alpha-2025 ended 2027-02-28 and alpha-hub still runs, so alpha is lapsed
 * since 2027-03-01 (15 days; next extension 03-29; decide by 04-12), and
 * invoice A-2 (due 2025-05-01, 600.00 outstanding) is 684 days overdue
 * (2025-05-01 → 2027-05-01 is 730 days, less the 46 days from 2027-03-16 to 05-01).
 */
import { describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { runCli } from './helpers/cli.js';
import { fixtureCopy, replaceIn, sampleCopy } from './helpers/fixtures.js';

async function reports(asOf: string): Promise<Map<string, string>> {
  const { repo } = await checkData(new FolderSource(fixtureCopy('base')), { asOf });
  const f = computeFigures(repo, asOf);
  const previous = computeFigures(repo, previousMonthDate(asOf));
  const meta = { organization: 'Fixture Org', asOf, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  return new Map(renderReports(f, previous, meta));
}

describe('engagement-review.md', () => {
  it('reads off-track first with each reason as a phrase, then the overdue, lapsed and offboarding lists', async () => {
    const out = await reports('2027-03-16');
    const review = out.get('engagement-review.md')!;
    expect(review).toContain('**1 off track**, **0 at risk**, 0 on track');
    // Each reason with its next step: chase within the week (03-16 + 7), renew or offboard by the decision date;
    // MRR at stake: none in March (lapsed), the 1,000.00 of February.
    expect(review).toContain(
      '| [Alpha University](partners/alpha.md) | active | ' +
        'invoice A-2 684 days overdue → next: chase payment of A-2 by 2027-03-23 (in 7 days)<br>' +
        'no agreement for 15 days, hub still running → next: renew or offboard by 2027-04-12 (in 27 days) | ' +
        'alice | 0.00 USD (2027-02: 1,000.00 USD) |',
    );
    expect(review).toContain('| [Alpha University](partners/alpha.md) | A-2 | 2025-05-01 | 684 | 600.00 USD |');
    expect(review).toContain(
      '| [Alpha University](partners/alpha.md) | 2027-03-01 | 15 | 2027-03-29 (in 13 days) | 2027-04-12 (in 27 days) |',
    );
    // Off track comes before at risk and on track; no anomaly, no offboarding (the contract has ended).
    expect(review.indexOf('## Off track')).toBeLessThan(review.indexOf('## At risk'));
    expect(review.indexOf('## At risk')).toBeLessThan(review.indexOf('## On track'));
    expect(review).toMatch(/## Offboarding timeline\n\n.*\n\nNone\./);
    expect(review).toMatch(/## Cloud cost anomalies \(2027-03\)\n\n.*\n\nNone\./);
  });

  it('says a lapse of 0 days (the day it lapsed) as "lapsed today"', async () => {
    const review = (await reports('2027-03-01')).get('engagement-review.md')!;
    expect(review).toContain('agreement lapsed today, hub still running');
    expect(review).toContain('| [Alpha University](partners/alpha.md) | 2027-03-01 | 0 | 2027-03-15 (in 14 days) |');
  });

  it('gives the offboarding dates, marking those passed and today', async () => {
    // 2026-12-30 = end 2027-02-28 − 60: renewal talks today; the rest ahead.
    const review = (await reports('2026-12-30')).get('engagement-review.md')!;
    expect(review).toContain(
      '| `alpha-2025` | [Alpha University](partners/alpha.md) | 2027-02-28 (in 60 days) | **2026-12-30 (today)** | ' +
        '2027-02-14 (in 46 days) | 2027-02-26 (in 58 days) |',
    );
  });

  it('shows the health on the partner page and the counts on the dashboard, linking the review', async () => {
    const out = await reports('2027-03-16');
    expect(out.get('partners/alpha.md')).toContain(
      // Each reason with its next step: chase within the week (D + 7), decide on the lapse by 2027-03-01 + 42.
      '\nHealth: **off track** · account owner alice · MRR at stake 0.00 USD (2027-02: 1,000.00 USD) ' +
        '([weekly review](../engagement-review.md)).\n\n' +
        '- invoice A-2 684 days overdue → next: chase payment of A-2 by 2027-03-23 (in 7 days)\n' +
        '- no agreement for 15 days, hub still running → next: renew or offboard by 2027-04-12 (in 27 days)\n',
    );
    // beta is a proposal: no health line.
    expect(out.get('partners/beta.md')).not.toContain('Health:');
    expect(out.get('README.md')).toContain(
      '**1 off track** · **0 at risk** · 0 on track — ' +
        'who and why in the [weekly engagement review](engagement-review.md).',
    );
  });
});

describe('stuck in onboarding: the dashboard and the review agree (R12)', () => {
  async function onboardingReports(asOf: string): Promise<Map<string, string>> {
    const root = fixtureCopy('base');
    replaceIn(root, 'partners/alpha/partner.md', 'stage: active', 'stage: onboarding');
    const { repo } = await checkData(new FolderSource(root), { asOf });
    const meta = { organization: 'Fixture Org', asOf, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
    return new Map(renderReports(computeFigures(repo, asOf), computeFigures(repo, previousMonthDate(asOf)), meta));
  }

  it('day 31 after contract_signed 2025-02-01: on the dashboard, at risk in the review; day 30: neither', async () => {
    const on = await onboardingReports('2025-03-04');
    expect(on.get('README.md')).toContain('| [Alpha University](partners/alpha.md) | 31 |');
    expect(on.get('engagement-review.md')).toContain(
      '| [Alpha University](partners/alpha.md) | onboarding | in onboarding for 31 days (more than 30) → next: ' +
        'agree the next onboarding milestone and its date by 2025-03-11 (in 7 days) | alice | 1,220.00 USD |',
    );
    // Day 30 a week before was on track: it turned at risk this week.
    expect(on.get('engagement-review.md')).toContain(
      '| [Alpha University](partners/alpha.md) | at risk | on track | in onboarding for 31 days (more than 30) |',
    );
    const before = await onboardingReports('2025-03-03');
    expect(before.get('README.md')).not.toContain('Onboarding for more than 30 days');
    expect(before.get('engagement-review.md')).toContain('**0 off track**, **0 at risk**, 1 on track');
  });
});

describe('npm run metrics on the sample data (end to end)', () => {
  it('writes the health, lapsed, offboarding and anomaly keys of SPEC-2 G', async () => {
    // sampleCopy is not a git repository: no partner can be "not updated".
    const r = await runCli('metrics', ['--root', sampleCopy(), '--as-of', '2026-11-24']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const m = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(m.health).toEqual([
      { partner: 'eduresell', health: 'at-risk', reasons: ['declining-usage'] },
      { partner: 'leap', health: 'at-risk', reasons: ['stale-request', 'cloud-cost-anomaly'] },
      { partner: 'nimbus', health: 'on-track', reasons: [] },
      // contract_signed 2026-09-28: 57 days in onboarding, stuck (the dashboard lists it too).
      { partner: 'openpress', health: 'at-risk', reasons: ['stuck-onboarding'] },
      { partner: 'openscied', health: 'at-risk', reasons: ['low-satisfaction'] },
      { partner: 'riverside-cc', health: 'off-track', reasons: ['lapsed'] },
      { partner: 'state-geo', health: 'off-track', reasons: ['overdue-60'] },
      { partner: 'uni-north', health: 'at-risk', reasons: ['notice-passed'] },
    ]);
    // riverside-2025 ended 2026-10-31: since 11-01, 11-24 − 11-01 = 23 days; extensions 11-15, 11-29 → 11-29;
    // decide 12-13.
    expect(m.lapsed).toEqual([
      {
        partner: 'riverside-cc',
        since: '2026-11-01',
        days: 23,
        next_extension: '2026-11-29',
        decision_by: '2026-12-13',
      },
    ]);
    // uni-north-2025 ends 2026-12-31: −60 = 11-01, −14 = 12-17, −2 = 12-29.
    expect(m.offboarding).toEqual([
      {
        contract: 'uni-north-2025',
        end: '2026-12-31',
        renewal_talks: '2026-11-01',
        offboarding_request: '2026-12-17',
        final_reminder: '2026-12-29',
      },
    ]);
    // leap-prod: (4158 + 4578 + 4200) / 3 = 4312; × 1.2 = 5174.40 < 5600.
    expect(m.cloud_cost_anomalies).toEqual([
      { hub: 'leap-prod', month: '2026-11', amount: '5600.00', baseline: '4312.00' },
    ]);
    // openpress: hub_live 2026-10-20, 35 days before D, no usage recorded. Not waiting (R8): nimbus, whose only hub
    // was shut down on 2025-10-31 (and had 32 users in 2025-05: first value 2025-05-31), and state-geo, 45 users in
    // its first month 2025-06 (first value 2025-06-30, derived; neither recorded first_value).
    expect(m.awaiting_first_value).toEqual(['openpress']);
    const ttfv = m.time_to_first_value as { partners: { partner: string; first_value: string; derived: boolean }[] };
    expect(ttfv.partners.filter((p) => p.derived).map((p) => [p.partner, p.first_value])).toEqual([
      ['datalab-inc', '2024-06-30'],
      ['nimbus', '2025-05-31'],
      ['state-geo', '2025-06-30'],
    ]);
  });
});

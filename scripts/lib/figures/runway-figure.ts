/** The runway figure of FIGURES and its keys of the metrics JSON (SPEC-3 S, JSON). */
import { toFixed, type Decimal } from '../money/decimal.js';
import { collectionFlags, type CollectionFlagRow } from './collection.js';
import type { FigureContext } from './context.js';
import { runway, type Runway, type Target } from './runway.js';

export interface RunwayFigures {
  runway: Runway;
  flags: CollectionFlagRow[];
}

export function runwayFigures(ctx: FigureContext): RunwayFigures {
  return { runway: runway(ctx), flags: collectionFlags(ctx) };
}

const money = (d: Decimal) => toFixed(d, 2);
const ratio = (d: Decimal | undefined) => (d === undefined ? null : toFixed(d, 4));
const target = (t: Target | undefined) =>
  t === undefined
    ? null
    : { status: t.status, needs: t.needs === undefined ? null : money(t.needs), sentence: t.sentence };

export function runwayJson({ runway: r, flags }: RunwayFigures) {
  return {
    cash: r.cash ? { date: r.cash.date, amount: money(r.cash.converted) } : null,
    runway: {
      months: r.runwayMonths ?? null,
      runs_out: r.runsOut ?? null,
      status: r.status ?? null,
      target: target(r.target),
    },
    surplus: {
      ratio: ratio(r.surplus.ratio),
      gap: money(r.surplus.gap),
      status: r.surplus.status,
      target: target(r.surplus.target),
    },
    coverage: { ratio: ratio(r.coverage.ratio), status: r.coverage.status, target: target(r.coverage.target) },
    scenarios: r.scenarios.months.map((m, i) => ({
      month: m.month,
      committed: money(m.committed),
      p10: money(m.p10),
      mean: money(m.mean),
      p90: money(m.p90),
      expected_usage: money(r.expectedUsage[i]),
    })),
    collection_flags: flags.map((f) => ({ contract: f.contract, flag: f.flag })),
  };
}

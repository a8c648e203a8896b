/** The `metrics` JSON: SPEC's keys, each figure's as its entry in FIGURES writes them, in that order. */
import { FIGURES, type Figures } from '../figures/index.js';

type Table = typeof FIGURES;
type JsonOf<K extends keyof Table> = Table[K] extends { json?: (...args: never[]) => infer J } ? J : object;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The JSON's shape, as the figures make it (tests and callers read it typed). */
export type MetricsJson = { as_of: string; currency: string } & Intersection<
  { [K in keyof Table]: JsonOf<K> }[keyof Table]
>;

export function metricsJson(f: Figures): MetricsJson {
  const out: Record<string, unknown> = { as_of: f.asOf, currency: f.currency };
  for (const key of Object.keys(FIGURES) as (keyof Table)[]) {
    const spec = FIGURES[key] as { json?: (value: unknown, grouped: Figures) => object };
    if (spec.json) Object.assign(out, spec.json(f[key], f));
  }
  return out as MetricsJson;
}

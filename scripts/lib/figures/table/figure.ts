/**
 * One entry of the figures table (index.ts): how a figure is computed from the records at D, where
 * docs/figures.md defines it, and the keys it writes in the metrics JSON, with the JSON number formats.
 */
import { type History } from '../../load/history.js';
import { toFixed, type Decimal } from '../../money/decimal.js';
import { type FigureContext } from '../context.js';
import { type ChangeGroup, type PartnerActivity } from '../history.js';
import { type MilestoneSpan } from '../onboarding.js';
import { type GrantProspect } from '../pipeline.js';
import { type SupportHours } from '../support.js';

export interface HistoryFigures {
  available: boolean;
  activity: Map<string, PartnerActivity>;
  stale: PartnerActivity[];
  changes: ChangeGroup[];
}

/** What a figure is computed from besides the records at D. */
export interface FigureInput {
  ctx: FigureContext;
  history: History;
  activity: Map<string, PartnerActivity>;
}

/** JSON money: 2-decimal strings in the reporting currency; ratios 4-decimal strings; fractions numbers. */
export const money = (d: Decimal) => toFixed(d, 2);
export const ratio = (d: Decimal | undefined) => (d === undefined ? null : toFixed(d, 4));
export const fraction = (d: Decimal | undefined) => (d === undefined ? null : d.toDecimalPlaces(4).toNumber());

/** The figures SPEC writes under another figure's key, read (not computed again) by that figure's `json`. */
interface Grouped {
  milestoneSpans: MilestoneSpan[];
  grantProspects: GrantProspect[];
  supportHours: SupportHours[];
}

/**
 * One entry a figure: `compute` makes it; `json` writes its keys of the
 * metrics JSON (in this order), with the figures SPEC groups under the same
 * key (milestone spans under onboarding, grant prospects under pipeline);
 * `about` and `section` make the index of docs/figures.md.
 */
export const figure = <T, J extends object = object>(spec: {
  about: string;
  section: string;
  compute: (input: FigureInput) => T;
  json?: (value: T, grouped: Grouped) => J;
}) => spec;

/** Mermaid charts that github.com draws from a fenced block (xychart-beta, gantt). */
import { mermaidText } from './markdown.js';

export interface Series {
  /** For the reader of the source; xychart draws no legend, so titles say which is which. */
  name: string;
  values: number[];
  kind: 'line' | 'bar';
  /** Defaults to the palette in series order. */
  color?: string;
}

/** GitHub's Primer colours: blue, red, green, orange, purple. */
const PALETTE = ['#0969da', '#cf222e', '#1a7f37', '#bc4c00', '#8250df'];

interface XyChart {
  title: string;
  x: string[];
  yLabel: string;
  series: Series[];
  /** Force the y axis of a line chart to include these; a bar chart's axis is its bars' range from 0. */
  yInclude?: number[];
  /**
   * Months (by x index) whose cloud bills or usage are not all recorded yet (SPEC-3 R6): their label ends in
   * "*" (short, so 12 or 18 labels do not overlap), their bars are grey, and a caption under the chart says why,
   * so a partial month never reads as a drop.
   */
  incomplete?: boolean[];
}

/** Primer's grey: the bars of an incomplete month. */
const INCOMPLETE_COLOR = '#8c959f';
const INCOMPLETE_MARK = '*';
const caption = (bars: boolean) =>
  '_A month marked * is incomplete, with a cloud bill or usage figure not recorded yet: its values are figures so far' +
  `${bars ? ' (grey bars)' : ''}, not a change._`;

/** Colour names for the caption that names the series (xychart draws no legend). */
const COLOUR_NAMES: Record<string, string> = {
  '#0969da': 'blue',
  '#9ecbff': 'light blue',
  '#54aeff': 'mid blue',
  '#cf222e': 'red',
  '#1a7f37': 'green',
  '#bc4c00': 'orange',
  '#8250df': 'purple',
  '#bf3989': 'pink',
  '#1b7c83': 'teal',
  '#6e7781': 'dark grey',
  [INCOMPLETE_COLOR]: 'grey',
};

export function xyChart(chart: XyChart): string {
  const marked = chart.incomplete?.some(Boolean) ? chart.incomplete : undefined;
  const coloured = chart.series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length] }));
  // xychart draws every bar series at the same x positions: the incomplete months' bars are a grey series of
  // their own, drawn over zeros in the series they came from.
  const only = (values: number[], keep: boolean) => values.map((v, i) => (marked?.[i] === keep ? v : 0));
  const series = !marked
    ? coloured
    : coloured.flatMap((s): Series[] =>
        s.kind === 'bar'
          ? [
              { ...s, values: only(s.values, false) },
              { ...s, name: `${s.name} so far`, color: INCOMPLETE_COLOR, values: only(s.values, true) },
            ]
          : [s],
      );
  const x = shortMonths(chart.x);
  const text = [drawXyChart({ ...chart, series }, x, marked)];
  if (chart.series.length > 1) text.push(legend(series));
  if (marked) text.push(caption(chart.series.some((s) => s.kind === 'bar')));
  return text.join('\n\n');
}

/** "Blue bars: MRR; red line: MRC": the legend xychart does not draw, in the series' own colours. */
function legend(series: Series[]): string {
  const named = series.map(
    (s) => `${COLOUR_NAMES[s.color!] ?? s.color} ${s.kind === 'bar' ? 'bars' : 'line'}: ${s.name}`,
  );
  const text = named.join('; ');
  return `_${text.charAt(0).toUpperCase()}${text.slice(1)}._`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * More than 12 "YYYY-MM" labels overlap at the chart's width: they become "Dec '26", which reads at a glance and
 * is narrower. Every label keeps its year: xychart merges equal labels into one bar, so "Feb" twice would lose a
 * month. Up to 12 months keep the form the tables use.
 */
function shortMonths(x: string[]): string[] {
  if (x.length <= 12 || !x.every((l) => /^\d{4}-(0[1-9]|1[0-2])$/.test(l))) return x;
  return x.map((l) => `${MONTH_NAMES[Number(l.slice(5)) - 1]} '${l.slice(2, 4)}`);
}

function drawXyChart(c: XyChart, x: string[], marked: boolean[] | undefined): string {
  // A loop, not flatMap (slow in V8): a chart per partner page.
  const data: number[] = [];
  for (const s of c.series) data.push(...s.values);
  // xychart draws a bar up from the bottom of the axis: a bar chart's axis starts at 0 (or its lowest bar),
  // so that a bar's length is its value; a forced range (e.g. NPS's -100) would make every bar too long.
  const bars = c.series.some((s) => s.kind === 'bar');
  const all = bars ? data : [...data, ...(c.yInclude ?? [])];
  const lo = Math.min(0, ...all);
  // All zeros still need a range to draw.
  const hi = Math.max(0, ...all) || (lo < 0 ? 0 : 1);
  // Padding only away from 0: the axis never starts below 0 unless a value does.
  const pad = (hi - lo) * 0.1;
  const colors = c.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]).join(', ');
  // JSON.stringify of { xyChart: { width: 900, … } } written out: only the palette varies (a chart per partner page).
  const init =
    '{"xyChart":{"width":900,"height":360},' +
    `"themeVariables":{"xyChart":{"plotColorPalette":${JSON.stringify(colors)}}}}`;
  // The mark goes on after mermaidText, which keeps only characters safe in any Mermaid text.
  const label = (l: string, i: number) => `"${mermaidText(l)}${marked?.[i] ? INCOMPLETE_MARK : ''}"`;
  const lines = [
    '```mermaid',
    `%%{init: ${init}}%%`,
    'xychart-beta',
    `  title "${mermaidText(c.title)}"`,
    `  x-axis [${x.map(label).join(', ')}]`,
    `  y-axis "${mermaidText(c.yLabel)}" ${round(lo < 0 ? lo - pad : 0)} --> ${round(hi > 0 ? hi + pad : 0)}`,
    ...c.series.map((s) => `  ${s.kind} [${s.values.map(round).join(', ')}]`),
    '```',
  ];
  return lines.join('\n');
}

export interface GanttTask {
  section: string;
  name: string;
  start: string;
  end: string;
  /** Mermaid task tags; a milestone is drawn as a point at `start`. */
  tags: ('done' | 'active' | 'crit' | 'milestone')[];
}

/**
 * Mermaid's "today" line is the reader's clock, not the report's: it is turned off, and the as-of date is drawn
 * as a milestone of its own, so the timeline reads the same on any day.
 */
export function gantt(title: string, tasks: GanttTask[], asOf: string): string {
  const lines = [
    '```mermaid',
    'gantt',
    `  title ${mermaidText(title)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m',
    '  todayMarker off',
  ];
  let section: string | undefined;
  tasks.forEach((t, i) => {
    if (t.section !== section) {
      section = t.section;
      lines.push(`  section ${mermaidText(t.section)}`);
    }
    const tags = t.tags.map((tag) => `${tag}, `).join('');
    const span = t.tags.includes('milestone') ? `${t.start}, 0d` : `${t.start}, ${t.end}`;
    lines.push(`  ${mermaidText(t.name)} :${tags}t${i}, ${span}`);
  });
  lines.push('  section Report date', `  as of ${asOf} :milestone, asof, ${asOf}, 0d`, '```');
  return lines.join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

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
  /** Force the y axis to include these (e.g. 0 and 1 for a ratio). */
  yInclude?: number[];
  /**
   * Months (by x index) whose cloud bills or usage are not all recorded yet (SPEC-3 R6): their label says
   * "(incomplete)", their bars are grey, and a caption under the chart says why, so a partial month never reads
   * as a drop.
   */
  incomplete?: boolean[];
}

/** Primer's grey: the bars of an incomplete month. */
const INCOMPLETE_COLOR = '#8c959f';
const caption = (bars: boolean) =>
  '_A month marked (incomplete) has a cloud bill or usage figure not recorded yet: its values are figures so far' +
  `${bars ? ' (grey bars)' : ''}, not a change._`;

export function xyChart(chart: XyChart): string {
  const marked = chart.incomplete?.some(Boolean) ? chart.incomplete : undefined;
  if (!marked) return drawXyChart(chart);
  // xychart draws every bar series at the same x positions: the incomplete months' bars are a grey series of
  // their own, drawn over zeros in the series they came from.
  const only = (values: number[], keep: boolean) => values.map((v, i) => (marked[i] === keep ? v : 0));
  const series = chart.series.flatMap((s, i): Series[] => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    return s.kind === 'bar'
      ? [
          { ...s, color, values: only(s.values, false) },
          { ...s, name: `${s.name} so far`, color: INCOMPLETE_COLOR, values: only(s.values, true) },
        ]
      : [{ ...s, color }];
  });
  const x = chart.x.map((label, i) => (marked[i] ? `${label} (incomplete)` : label));
  return `${drawXyChart({ ...chart, x, series })}\n\n${caption(chart.series.some((s) => s.kind === 'bar'))}`;
}

function drawXyChart(c: XyChart): string {
  const all = [...c.series.flatMap((s) => s.values), ...(c.yInclude ?? [])];
  const min = Math.min(0, ...all);
  const max = Math.max(...all, 1);
  const pad = (max - min) * 0.1;
  const colors = c.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]).join(', ');
  const init = { xyChart: { width: 900, height: 360 }, themeVariables: { xyChart: { plotColorPalette: colors } } };
  const lines = [
    '```mermaid',
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `  title "${mermaidText(c.title)}"`,
    `  x-axis [${c.x.map((x) => `"${mermaidText(x)}"`).join(', ')}]`,
    `  y-axis "${mermaidText(c.yLabel)}" ${round(min < 0 ? min - pad : 0)} --> ${round(max + pad)}`,
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

export function gantt(title: string, tasks: GanttTask[]): string {
  const lines = [
    '```mermaid',
    'gantt',
    `  title ${mermaidText(title)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m',
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
  lines.push('```');
  return lines.join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

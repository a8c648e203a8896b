/* eslint-disable max-len -- the rendered lines are asserted whole, as a reader sees them */
/**
 * Charts and wide tables read right on GitHub (SPEC-3 U, issue 29): bars start at 0, every series is named
 * under its chart, 18 month labels fit, the incomplete month is a short mark, the timeline's "today" is the
 * as-of date, and no table runs off the page. The sample data at 2026-11-24, rendered in-process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { xyChart } from '../scripts/lib/render/charts.js';
import { renderReports } from '../scripts/lib/render/index.js';
import { sampleCopy } from './helpers/fixtures.js';

const AS_OF = '2026-11-24';
let out: Map<string, string>;

beforeAll(async () => {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: AS_OF });
  const f = computeFigures(repo, AS_OF);
  const previous = computeFigures(repo, previousMonthDate(AS_OF));
  const meta = { organization: 'Sample Org', asOf: AS_OF, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  out = new Map(renderReports(f, previous, meta));
}, 120_000);

/** The lines of the chart block whose title is `title`, from its title line, and the lines after it. */
function chart(file: string, title: string, after = 0): string[] {
  const lines = out.get(file)!.split('\n');
  const i = lines.indexOf(`  title ${title}`);
  expect(i, `${title} in ${file}`).toBeGreaterThan(0);
  const end = lines.indexOf('```', i);
  return lines.slice(i, end + 1 + after).filter((l) => !/^ {2}(bar|line) \[/.test(l));
}

describe('bar charts start at 0', () => {
  it('the NPS bars (25 to 67) are on an axis from 0, not from -120', () => {
    // Highest bar 67, padding 10 % of 0..67 above it only: 73.7.
    expect(chart('community.md', '"NPS by survey round"')).toContain('  y-axis "NPS" 0 --> 73.7');
  });

  it('a bar chart with a negative bar reaches just below it, and a forced range does not stretch the bars', () => {
    const text = xyChart({
      title: 'T',
      x: ['a', 'b'],
      yLabel: 'y',
      series: [{ name: 'v', kind: 'bar', values: [-20, 30] }],
      yInclude: [-100, 100],
    });
    // 0 is inside -20..30; 10 % of the range (5) pads away from 0 on both sides.
    expect(text).toContain('  y-axis "y" -25 --> 35');
    const negative = xyChart({
      title: 'T',
      x: ['a'],
      yLabel: 'y',
      series: [{ name: 'v', kind: 'bar', values: [-40] }],
    });
    expect(negative).toContain('  y-axis "y" -44 --> 0');
  });
});

describe('every series is named', () => {
  it.each(['README.md', 'cost-recovery.md'])(
    '%s: the cost ratio has the 1.0 line, and a caption names both lines',
    (file) => {
      expect(chart(file, '"Cost recovery ratio (MRC / MRR), last 12 months"', 2)).toEqual([
        '  title "Cost recovery ratio (MRC / MRR), last 12 months"',
        '  x-axis ["2025-12", "2026-01*", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11*"]',
        '  y-axis "costs / revenue, lower is better" 0 --> 2.38',
        '```',
        '',
        '_Blue line: costs / revenue; dark grey line: 1.0, below it revenue covers costs._',
      ]);
      expect(out.get(file)).toContain(
        '  line [1.82, 2.16, 2.14, 2.16, 1.86, 1.84, 1.74, 1.71, 1.73, 1.78, 1.7, 1.92]\n  line [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n',
      );
    },
  );

  it("cost-recovery names its bars, the incomplete months' grey bars and the line", () => {
    expect(chart('cost-recovery.md', '"MRR (bars) and MRC (line), last 12 months"', 4).slice(3)).toEqual([
      '```',
      '',
      '_Blue bars: MRR; grey bars: MRR so far; red line: MRC._',
      '',
      '_A month marked * is incomplete, with a cloud bill or usage figure not recorded yet: its values are figures so far (grey bars), not a change._',
    ]);
  });

  it("runway.md's scenarios name each colour in words", () => {
    expect(out.get('runway.md')).toContain(
      '_Light blue bars: P90; mid blue bars: P10; blue bars: committed; green line: mean; red line: costs._',
    );
  });

  it('the funnel names each source by colour and its step labels are short enough not to be clipped', () => {
    expect(chart('pipeline.md', '"Partners reaching each step, by lead source"', 2)).toEqual([
      '  title "Partners reaching each step, by lead source"',
      '  x-axis ["lead", "qualified", "proposal", "signed", "hub live", "onboarded"]',
      '  y-axis "partners" 0 --> 15.4',
      '```',
      '',
      '_Blue bars: website; red bars: referral; green bars: conference; orange bars: grant; purple bars: vendor; pink bars: outbound; teal bars: (none)._',
    ]);
  });
});

describe('month axes', () => {
  it('18 months on the projection read as "Dec \'26", each keeping its year (equal labels would merge)', () => {
    expect(chart('projection.md', '"Committed (dark) + weighted pipeline (light) vs costs (line)"', 2)).toEqual([
      '  title "Committed (dark) + weighted pipeline (light) vs costs (line)"',
      `  x-axis ["Dec '26", "Jan '27", "Feb '27", "Mar '27", "Apr '27", "May '27", "Jun '27", "Jul '27", "Aug '27", "Sep '27", "Oct '27", "Nov '27", "Dec '27", "Jan '28", "Feb '28", "Mar '28", "Apr '28", "May '28"]`,
      '  y-axis "USD" 0 --> 54417',
      '```',
      '',
      '_Light blue bars: committed + pipeline; blue bars: committed; red line: costs._',
    ]);
  });
});

describe('the grants timeline', () => {
  it("draws the as-of date, not the reader's today", () => {
    const text = out.get('grants.md')!;
    const block = text.slice(text.indexOf('```mermaid\ngantt'));
    const lines = block.slice(0, block.indexOf('\n```\n')).split('\n');
    expect(lines.slice(1, 6)).toEqual([
      'gantt',
      '  title Grant periods and deliverables',
      '  dateFormat YYYY-MM-DD',
      '  axisFormat %Y-%m',
      '  todayMarker off',
    ]);
    expect(lines.slice(-2)).toEqual(['  section Report date', '  as of 2026-11-24 :milestone, asof, 2026-11-24, 0d']);
  });
});

describe('pricing.md fits the page', () => {
  it('the discount and the current-book price are two tables, with every figure', () => {
    const lines = out.get('pricing.md')!.split('\n');
    const at = (header: string) => lines.slice(lines.indexOf(header), lines.indexOf(header) + 5);
    expect(at('| contract | partner | tier | book | list / year | annualised fees | discount |')).toEqual([
      '| contract | partner | tier | book | list / year | annualised fees | discount |',
      '|---|---|---|---|---:|---:|---:|',
      '| `eduhub-reseller` | [EduHub Resellers Ltd](partners/eduresell.md) | `general` | 2024-01 | 12,000.00 | 42,000.00 | -250.0 % |',
      '| `leap-2026` | [LEAP Climate Data Collaboration](partners/leap.md) | `premier` | 2024-01 | 40,000.00 | 90,000.00 | -125.0 % |',
      '| `sgs-subaward` | [State Geological Survey](partners/state-geo.md) | `general` | 2024-01 | 12,000.00 | 84,000.00 | -600.0 % |',
    ]);
    expect(at('| contract | tier | users | pays / year now | on the current book | change |')).toEqual([
      '| contract | tier | users | pays / year now | on the current book | change |',
      '|---|---|---:|---:|---:|---:|',
      '| `eduhub-reseller` | `general` | 699 | 52,194.00 | 39,570.00 | -12,624.00 |',
      '| `leap-2026` | `premier` | 178 | 97,152.00 | 58,940.00 | -38,212.00 |',
      '| `sgs-subaward` | `general` | 79 | 88,272.00 | 20,340.00 | -67,932.00 |',
    ]);
  });
});

/**
 * Every report rendered as GitHub renders it, in a real browser (SPEC-3 U): GitHub-flavoured Markdown to HTML,
 * each Mermaid block drawn by mermaid in Debian's headless Chromium. Fails on a Mermaid error, a relative link to
 * a file that is not there, or a table wider than a 1280-pixel page; writes screenshots of the dashboard, one
 * partner page and the engagement review to test-artifacts/screenshots/ (CI keeps them) to look at.
 * Without Chromium it is skipped, and says so; REQUIRE_REAL_COMPONENTS=1 (.ci/run) makes that a failure.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../scripts/lib/check/index.js';
import { computeFigures, previousMonthDate } from '../scripts/lib/figures/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderReports } from '../scripts/lib/render/index.js';
import {
  CHROMIUM,
  checkInBrowser,
  headingAnchors,
  relativeLinks,
  screenshot,
  type PageResult,
} from './helpers/browser.js';
import { needs } from './helpers/components.js';
import { REPO_ROOT, sampleCopy, tempDir } from './helpers/fixtures.js';

const AS_OF = '2026-11-24';
const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const browser = needs([CHROMIUM], "Debian's chromium package (apt-get install -y --no-install-recommends chromium)");

let reports: Map<string, string>;

beforeAll(async () => {
  const { repo } = await checkData(new FolderSource(sampleCopy()), { asOf: AS_OF });
  const f = computeFigures(repo, AS_OF);
  const previous = computeFigures(repo, previousMonthDate(AS_OF));
  const meta = { organization: 'Sample Org', asOf: AS_OF, currency: 'USD', revision: 'test', sponsorFeePct: 0 };
  reports = new Map(renderReports(f, previous, meta));
}, 120_000);

describe('the reports as GitHub shows them', () => {
  it('link only to files that exist, and to headings they have: other reports, or the repository from reports/', () => {
    const broken: string[] = [];
    for (const [file, markdown] of reports)
      for (const { path, anchor } of relativeLinks(markdown)) {
        // Inside reports/: another report of this run; above it: the repository itself.
        const target = normalize(join(dirname(file), path));
        const inRepo = join(REPO_ROOT, 'reports', target);
        const text = target.startsWith('..')
          ? existsSync(inRepo)
            ? statSync(inRepo).isFile()
              ? readFileSync(inRepo, 'utf8')
              : ''
            : undefined
          : (reports.get(target) ?? reports.get(join(target, 'README.md')));
        if (text === undefined) broken.push(`${file}: ${path}`);
        else if (anchor && target.endsWith('.md') && !headingAnchors(text).has(anchor))
          broken.push(`${file}: ${path}#${anchor} (no such heading)`);
      }
    expect(broken).toEqual([]);
  });

  it("finds headings by GitHub's anchors, and a report's links to them", () => {
    expect([
      ...headingAnchors('# Title\n\n## Cost recovery (MRC ÷ MRR)\n\n```\n# not a heading\n```\n## Notes\n## Notes\n'),
    ]).toEqual(['title', 'cost-recovery-mrc--mrr', 'notes', 'notes-1']);
    expect(relativeLinks(reports.get('engagement-review.md')!)).toContainEqual({
      path: '../docs/figures.md',
      anchor: 'engagement-health',
    });
  });

  describe.skipIf(browser.skip)(browser.title('in headless Chromium'), () => {
    let results: PageResult[];
    beforeAll(() => {
      browser.assertInstalled();
      results = checkInBrowser(
        tempDir(),
        [...reports].map(([file, markdown]) => ({ file, markdown })),
      );
    }, 300_000);

    it('draws every Mermaid chart without an error', () => {
      expect(results.map((r) => r.file).sort()).toEqual([...reports.keys()].sort());
      expect(
        results.filter((r) => r.mermaidErrors.length).map((r) => `${r.file}: ${r.mermaidErrors.join('; ')}`),
      ).toEqual([]);
      // Charts are there to draw: the dashboard's ratio trend at least.
      expect(results.find((r) => r.file === 'README.md')!.charts).toBeGreaterThan(0);
    });

    it('has no table wider than a 1280-pixel page', () => {
      const wide = results.flatMap((r) => r.wideTables.map((t) => `${r.file}: ${t.width} px: ${t.header}`));
      expect(wide).toEqual([]);
    });

    it('catches what it is there to catch: a Mermaid error and a table wider than the page', () => {
      const wide = `| ${Array.from({ length: 30 }, (_, i) => `column-number-${i}`).join(' | ')} |`;
      const [r] = checkInBrowser(tempDir(), [
        {
          file: 'bad.md',
          markdown: [
            '# Bad',
            '',
            '```mermaid',
            'xychart-beta',
            '  bar [1, 2',
            '```',
            '',
            wide,
            `|${'---|'.repeat(30)}`,
            `|${' 1 |'.repeat(30)}`,
            '',
          ].join('\n'),
        },
      ]);
      expect(r.mermaidErrors.length).toBe(1);
      expect(r.wideTables.map((t) => t.header.slice(0, 31))).toEqual(['column-number-0 column-number-1']);
      expect(r.wideTables[0].width).toBeGreaterThan(1280);
    }, 120_000);

    it('writes screenshots of the dashboard, a partner page and the engagement review', () => {
      mkdirSync(SHOTS, { recursive: true });
      const dir = tempDir();
      for (const [file, png] of [
        ['README.md', 'dashboard.png'],
        ['partners/leap.md', 'partner-leap.png'],
        ['engagement-review.md', 'engagement-review.png'],
      ]) {
        const r = screenshot(dir, png.replace('.png', ''), reports.get(file)!, join(SHOTS, png));
        expect(r.mermaidErrors, file).toEqual([]);
        expect(existsSync(join(SHOTS, png)), relative(REPO_ROOT, join(SHOTS, png))).toBe(true);
      }
    }, 300_000);
  });
});

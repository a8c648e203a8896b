/**
 * Reports read as GitHub shows them: GitHub-flavoured Markdown to HTML (marked, GFM on), GitHub's table and
 * Mermaid styling, the Mermaid blocks drawn by the mermaid browser bundle, all in Debian's headless Chromium
 * driven by its command line (--dump-dom, --screenshot): no browser-automation library to keep in step.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';

export const CHROMIUM = 'chromium';
/** The page width the reports must fit (SPEC-3 U). */
export const PAGE_WIDTH = 1280;

const require = createRequire(import.meta.url);
const MERMAID = pathToFileURL(require.resolve('mermaid/dist/mermaid.min.js')).href;

/** GitHub's rules for what decides a table's width and the page's look; enough to measure and to look at. */
const STYLE = `
body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.markdown-body { box-sizing: border-box; width: ${PAGE_WIDTH}px; padding: 32px; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0;
  border-collapse: collapse; margin: 0 0 16px; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3;
  padding: .2em .4em; border-radius: 6px; }
.markdown-body h1, .markdown-body h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
.report + .report { border-top: 4px solid #000; }
.markdown-body blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body .alert { color: inherit; border-left-color: #0969da; }
.markdown-body .alert-warning { border-left-color: #9a6700; }
.markdown-body .alert-caution { border-left-color: #d1242f; }
.markdown-body .alert-title { font-weight: 500; color: #0969da; margin-bottom: 4px; }
.markdown-body .alert-warning .alert-title { color: #9a6700; }
`;

/** GitHub's alerts (`> [!WARNING]`), which marked leaves as a quote starting with the marker. */
const ALERTS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];

/** A report's Markdown as GitHub's HTML: alerts as GitHub draws them, Mermaid blocks marked for drawing. */
export function reportHtml(markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return html
    .replace(
      new RegExp(`<blockquote>\\s*<p>\\[!(${ALERTS.join('|')})\\]\\s*`, 'g'),
      (_, kind: string) =>
        `<blockquote class="alert alert-${kind.toLowerCase()}"><p class="alert-title">` +
        `${kind[0]}${kind.slice(1).toLowerCase()}</p><p>`,
    )
    .replace(
      /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
      (_, text: string) => `<pre class="mermaid-source">${text}</pre>`,
    );
}

/** What the browser found on one report. */
export interface PageResult {
  file: string;
  mermaidErrors: string[];
  charts: number;
  /** Tables wider than the page: their first header row and width in pixels. */
  wideTables: { header: string; width: number }[];
}

/**
 * The in-page check: for each report, draw every Mermaid block (an error is recorded, not thrown) and measure
 * every table against its box. The results go into <pre id="results"> for --dump-dom to carry out.
 */
const CHECK = `
async function check() {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const results = [];
  let n = 0;
  for (const report of document.querySelectorAll('.report')) {
    const r = { file: report.dataset.file, mermaidErrors: [], charts: 0, wideTables: [] };
    for (const pre of report.querySelectorAll('pre.mermaid-source')) {
      try {
        const { svg } = await mermaid.render('chart' + n++, pre.textContent);
        const div = document.createElement('div');
        div.innerHTML = svg;
        pre.replaceWith(div);
        if (svg.includes('Syntax error')) r.mermaidErrors.push('syntax error drawn');
        else r.charts++;
      } catch (e) {
        r.mermaidErrors.push(String(e && e.message ? e.message : e).split('\\n').slice(0, 3).join(' '));
      }
    }
    for (const t of report.querySelectorAll('table')) {
      const header = t.querySelector('tr').textContent.trim().replace(/\\s+/g, ' ');
      if (t.scrollWidth > t.clientWidth + 1) r.wideTables.push({ header, width: t.scrollWidth });
    }
    results.push(r);
  }
  document.getElementById('results').textContent = JSON.stringify({ results, height: document.body.scrollHeight });
}
check().catch((e) => { document.getElementById('results').textContent = JSON.stringify({ error: String(e) }); });
`;

function page(reports: { file: string; html: string }[]): string {
  const body = reports
    .map((r) => `<article class="report markdown-body" data-file="${r.file}">${r.html}</article>`)
    .join('\n');
  return (
    `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style>` +
    `<script src="${MERMAID}"></script></head><body>${body}<pre id="results" hidden></pre>` +
    `<script>${CHECK}</script></body></html>`
  );
}

function chromium(args: string[]): string {
  return execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=60000', ...args],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 240_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

/** Every report checked in one browser run. `dir` receives the page. */
export function checkInBrowser(dir: string, reports: { file: string; markdown: string }[]): PageResult[] {
  return run(dir, 'all-reports', reports).results;
}

function run(dir: string, name: string, reports: { file: string; markdown: string }[]) {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, page(reports.map((r) => ({ file: r.file, html: reportHtml(r.markdown) }))));
  const dom = chromium([`--window-size=${PAGE_WIDTH},900`, '--dump-dom', pathToFileURL(file).href]);
  const m = /<pre id="results" hidden="">([\s\S]*?)<\/pre>/.exec(dom);
  if (!m || !m[1]) throw new Error('the browser did not finish the check (no results in the page)');
  const parsed = JSON.parse(m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as {
    results?: PageResult[];
    height?: number;
    error?: string;
  };
  if (!parsed.results) throw new Error(`the check failed in the browser: ${parsed.error}`);
  return { results: parsed.results, height: parsed.height ?? 900, page: pathToFileURL(file).href };
}

/** A full-page screenshot of one report, charts drawn, to `png` (the page's height, at most 16,000 pixels). */
export function screenshot(dir: string, name: string, markdown: string, png: string): PageResult {
  const { results, height, page: url } = run(dir, name, [{ file: name, markdown }]);
  chromium([`--window-size=${PAGE_WIDTH},${Math.min(height, 16_000)}`, `--screenshot=${png}`, url]);
  return results[0];
}

/** The relative links of a report's HTML (no web addresses, no same-page anchors), decoded: path and anchor. */
export function relativeLinks(markdown: string): { path: string; anchor?: string }[] {
  const out: { path: string; anchor?: string }[] = [];
  for (const m of reportHtml(markdown).matchAll(/<(?:a|img) [^>]*?(?:href|src)="([^"]+)"/g)) {
    const target = m[1].replace(/&amp;/g, '&');
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const [path, anchor] = target.split('#');
    out.push({ path: decodeURIComponent(path), ...(anchor ? { anchor: decodeURIComponent(anchor) } : {}) });
  }
  return out;
}

/**
 * The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens, and
 * -1, -2… on repeats. Headings inside code blocks are not headings.
 */
export function headingAnchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

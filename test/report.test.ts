import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRevision } from '../scripts/lib/load/revision.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, REPO_ROOT, fixtureCopy, tempDir } from './helpers/fixtures.js';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}

const REPORT_FILES = ['README.md', 'changes.md', 'community.md', 'cost-recovery.md', 'grants.md', 'invoicing.md', 'onboarding.md', 'pipeline.md', 'projection.md', 'renewals.md'];

describe('npm run report', () => {
  it('writes every report, byte-identical on a second run', () => {
    const [a, b] = [tempDir(), tempDir()];
    for (const out of [a, b]) {
      const r = runCli('report', ['--root', join(FIXTURES, 'figures'), '--as-of', '2026-03-15', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const first = readTree(a);
    expect(Object.keys(first).sort()).toEqual([...REPORT_FILES, ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p) => `partners/${p}.md`)].sort());
    expect(readTree(b)).toEqual(first);
    expect(first['README.md']).toContain('as of **2026-03-15**');
    expect(first['README.md']).toContain('| Monthly recurring revenue (MRR) | 8,832.90 |');
    expect(first['invoicing.md']).toContain('| 90+ days overdue | 800.00 |');
  });

  it('writes nothing when the data has errors', () => {
    const root = fixtureCopy('base', join(FIXTURES, 'broken/schema-enum-typo/files'));
    const out = join(tempDir(), 'reports');
    const r = runCli('report', ['--root', root, '--as-of', '2026-01-01', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'actve' is not an allowed value");
    expect(existsSync(out)).toBe(false);
  });

  it('deletes the pages of removed partners and leaves other files alone', () => {
    const root = fixtureCopy('base');
    const out = join(root, 'reports');
    mkdirSync(join(out, 'partners'), { recursive: true });
    writeFileSync(join(out, 'partners/gone.md'), 'old');
    writeFileSync(join(out, '.gitkeep'), '');
    const r = runCli('report', ['--root', root, '--as-of', '2026-01-01']);
    expect(r.stdout).toContain('removed partners/gone.md');
    expect(existsSync(join(out, 'partners/gone.md'))).toBe(false);
    expect(existsSync(join(out, '.gitkeep'))).toBe(true);
    expect(existsSync(join(out, 'partners/alpha.md'))).toBe(true);
  });

  it('says clearly when the report folder is read-only, and writes nothing', () => {
    // /sys refuses new files even to root; elsewhere a folder without write permission does.
    const readOnly = process.getuid?.() === 0 ? '/sys/kernel/ops-reports' : join(tempDir(), 'ro');
    if (process.getuid?.() !== 0) {
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
    }
    const r = runCli('report', ['--root', join(FIXTURES, 'base'), '--as-of', '2026-01-01', '--out', readOnly]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot write the reports to ${readOnly}: it is not writable\n`);
    expect(existsSync(join(readOnly, 'README.md'))).toBe(false);
  });

  it('says clearly when the output cannot be written', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const r = runCli('report', ['--root', join(FIXTURES, 'base'), '--as-of', '2026-01-01', '--out', join(blocker, 'reports')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: cannot write the reports to .*a-file\/reports/)]);
  });

  it('keeps hostile text from the data inert in every report', () => {
    const hostile = 'A | B <img src=x> @someone [x](javascript:alert(1)) {{constructor}} *bold* `code`';
    const root = fixtureCopy('base');
    const edit = (path: string, from: string, to: string) => {
      const file = join(root, path);
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    };
    const quoted = JSON.stringify(hostile);
    edit('partners/alpha/partner.md', 'name: Alpha University', `name: ${quoted}\ntags: [${quoted}]\ncontacts:\n  - { name: ${quoted}, role: ${quoted} }`);
    edit('partners/alpha/partner.md', 'Notes about Alpha.', `Notes: ${hostile}\n<script>alert(1)</script>\n[click](javascript:alert(1))`);
    edit('grants/g1/grant.md', 'title: A grant', `title: ${quoted}`);
    edit('grants/g1/grant.md', 'funder: A funder', `funder: ${quoted}`);
    edit('ops.config.yaml', 'title: Kickoff call', `title: ${quoted}`);
    edit('grants/g1/deliverables.yaml', 'title: A thing', `title: ${quoted}`);
    edit('ops.config.yaml', 'organization: Fixture Org', `organization: ${quoted}`);
    const out = tempDir();
    const r = runCli('report', ['--root', root, '--as-of', '2026-01-01', '--out', out]);
    expect(r.stderr).toBe('');
    const all = Object.values(readTree(out)).join('\n');
    const escaped = 'A \\| B &lt;img src=x&gt; @\u200bsomeone \\[x\\](javascript:alert(1)) \\{\\{constructor\\}\\} \\*bold\\* \\`code\\`';
    // name, tags, contact name and role, grant title and funder, deliverable title, organisation, checklist title
    expect(all.split(escaped).length - 1).toBeGreaterThanOrEqual(9);
    for (const report of ['README.md', 'grants.md', 'onboarding.md', 'partners/alpha.md']) expect(readTree(out)[report]).toContain(escaped);
    expect(all).not.toMatch(/<img|<script|@someone|(?<!\\)\]\(javascript:|\{\{constructor/);
    // Every table row keeps its column count.
    for (const [file, text] of Object.entries(readTree(out))) {
      let columns = 0;
      for (const line of text.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const cells = line.replace(/\\\|/g, '').split('|').length;
        if (columns === 0) columns = cells;
        expect(cells, `${file}: ${line}`).toBe(columns);
      }
    }
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe('the committed reports/', () => {
  it('equal a fresh run at their recorded as-of date while the data is unchanged since', async () => {
    const committed = readTree(join(REPO_ROOT, 'reports'));
    const asOf = /as of \*\*(\d{4}-\d{2}-\d{2})\*\*/.exec(committed['README.md'])![1];
    const recorded = /built from data revision (.*?) · /.exec(committed['README.md'])![1];
    const current = await dataRevision(REPO_ROOT);
    // After a data change the reports workflow regenerates them; until then they describe the older data.
    if (recorded !== current) return;
    const out = tempDir();
    runCli('report', ['--as-of', asOf, '--out', out]);
    const fresh = readTree(out);
    delete committed['.gitkeep'];
    expect(committed).toEqual(fresh);
  });
});

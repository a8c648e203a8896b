/**
 * Every broken case under test/fixtures/broken/ is the base fixture with a few
 * files replaced: it must yield exactly the problems its case.yaml lists,
 * at exactly those lines and columns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECKS } from '../scripts/lib/check/catalog.js';
import { checkData } from '../scripts/lib/check/index.js';
import { RULES } from '../scripts/lib/check/rules/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { FIXTURES, fixtureCopy } from './helpers/fixtures.js';

interface Case {
  description: string;
  as_of: string;
  delete?: string[];
  expect: string[];
}

const BROKEN = join(FIXTURES, 'broken');
const cases = readdirSync(BROKEN)
  .sort()
  .map((name) => ({
    name,
    ...(parse(readFileSync(join(BROKEN, name, 'case.yaml'), 'utf8'), { version: '1.2' }) as Case),
  }));

async function problemsOf(root: string, asOf: string) {
  const { problems } = await checkData(new FolderSource(root), { asOf });
  return problems;
}

describe('the base fixture', () => {
  it('is clean', async () => {
    expect(await problemsOf(join(FIXTURES, 'base'), '2026-01-01')).toEqual([]);
  });
});

describe('broken fixtures', () => {
  it.each(cases)('$name: $description', async (c) => {
    const root = fixtureCopy('base', join(BROKEN, c.name, 'files'), c.delete);
    const problems = await problemsOf(root, String(c.as_of));
    const got = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`).sort();
    expect(got).toEqual([...c.expect].sort());
    for (const p of problems) {
      expect(p.message.length).toBeGreaterThan(20);
      // Every id a problem carries is declared in the closed list of checks, with that severity.
      expect(CHECKS.get(p.rule)?.severity).toBe(p.severity);
    }
  });

  it('cover every business rule', () => {
    const covered = new Set(cases.flatMap((c) => c.expect.map((e) => e.split(' ')[1])));
    expect(RULES.map((r) => r.meta.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('the figure commands check for errors only', () => {
  const check = (broken: string, warnings?: boolean) =>
    checkData(new FolderSource(fixtureCopy('base', join(BROKEN, broken, 'files'))), {
      asOf: '2026-01-01',
      ...(warnings === undefined ? {} : { warnings }),
    });
  const said = (r: Awaited<ReturnType<typeof checkData>>) =>
    r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.severity}`);

  it('leaves out the warnings validate shows', async () => {
    expect(said(await check('date-in-future'))).toEqual(['partners/alpha/invoices.yaml:18:15 date-in-future warning']);
    expect(said(await check('date-in-future', false))).toEqual([]);
  });

  it('keeps every error, at the same place', async () => {
    const all = said(await check('schema-enum-typo'));
    expect(all.length).toBeGreaterThan(0);
    expect(said(await check('schema-enum-typo', false))).toEqual(all.filter((p) => p.endsWith(' error')));
  });
});

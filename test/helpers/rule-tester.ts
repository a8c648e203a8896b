/**
 * ESLint's RuleTester, for business rules: each case is the base fixture
 * (test/fixtures/base, clean) with a few files replaced or removed, checked
 * with the one rule alone. A valid case must give no finding; an invalid one
 * exactly the findings listed, by message id and file:line:column. Any
 * problem of the files or schemas fails the case too: a case whose data
 * does not reach the rule proves nothing.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../scripts/lib/check/catalog.js';
import { checkData } from '../../scripts/lib/check/index.js';
import type { Rule } from '../../scripts/lib/check/rule.js';
import { FolderSource } from '../../scripts/lib/load/source.js';
import { parse } from 'yaml';
import { FIXTURES, fixtureCopy } from './fixtures.js';

export interface RuleCase {
  name: string;
  /** Files of the base fixture replaced (or added), by path. */
  files?: Record<string, string>;
  /** Files of the base fixture removed. */
  remove?: string[];
  /** The date of the check (default 2026-01-01). */
  asOf?: string;
}

export interface InvalidCase extends RuleCase {
  /** Every finding expected: its message id and where it points. */
  errors: { messageId: string; at: string }[];
}

export async function findingsOf(rule: Rule<string, RuleId>, c: RuleCase) {
  const root = fixtureCopy('base');
  for (const path of c.remove ?? []) rmSync(join(root, path));
  for (const [path, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const { problems } = await checkData(new FolderSource(root), { asOf: c.asOf ?? '2026-01-01', rules: [rule] });
  expect(problems.filter((p) => p.rule !== rule.meta.id)).toEqual([]);
  return problems.map((p) => ({ messageId: p.messageId!, at: `${p.file}:${p.line}:${p.column}` }));
}

export function testRule<M extends string>(
  rule: Rule<M, RuleId>,
  cases: { valid: RuleCase[]; invalid: InvalidCase[] },
): void {
  const sorted = <T extends { at: string; messageId: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.at + a.messageId < b.at + b.messageId ? -1 : 1));
  describe(rule.meta.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    it.each(cases.valid)('valid: $name', async (c) => {
      expect(await findingsOf(rule as Rule<string, RuleId>, c)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', async (c) => {
      for (const e of c.errors) expect(Object.keys(rule.meta.messages)).toContain(e.messageId);
      expect(sorted(await findingsOf(rule as Rule<string, RuleId>, c))).toEqual(sorted(c.errors));
    });
  });
}

/** A case made of a broken fixture (test/fixtures/broken/<name>/): its files, removals and date. */
export function brokenCase(name: string, errors: InvalidCase['errors']): InvalidCase {
  const dir = join(FIXTURES, 'broken', name);
  const spec = parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) as {
    description: string;
    as_of: string;
    delete?: string[];
  };
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, 'files', sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, 'files', path), 'utf8');
    }
  };
  try {
    walk('');
  } catch {
    // A case that only removes files has no files/ folder.
  }
  return { name: spec.description, files, remove: spec.delete, asOf: String(spec.as_of), errors };
}

/** A base fixture file with some text replaced: the usual way a case changes one value. */
export function baseWith(path: string, ...edits: [string, string][]): Record<string, string> {
  let text = readFileSync(join(FIXTURES, 'base', path), 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${path} has no '${from}'`);
    text = text.replace(from, to);
  }
  return { [path]: text };
}

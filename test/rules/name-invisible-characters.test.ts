/**
 * name-invisible-characters (SPEC-3 R13): a name or title with a bidirectional control or a zero-width character
 * is refused at its value. The characters are written as escapes here so that this file shows what it tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData } from '../../scripts/lib/check/index.js';
import { rule } from '../../scripts/lib/check/rules/name-invisible-characters.js';
import { FolderSource } from '../../scripts/lib/load/source.js';
import { fixtureCopy } from '../helpers/fixtures.js';
import { baseWith, testRule } from '../helpers/rule-tester.js';

const P = 'partners/alpha/partner.md';
const G = 'grants/g1/grant.md';
const D = 'grants/g1/deliverables.yaml';
const RLO = '\u202e';
const ZWSP = '\u200b';

testRule(rule, {
  valid: [
    { name: 'the base fixture' },
    // Accents, other scripts and a no-break space are visible characters.
    { name: 'names in other scripts', files: baseWith(P, ['name: Alpha University', 'name: Université Ålpha 大学']) },
  ],
  invalid: [
    {
      // Line 3 'name: Alpha University': the value at column 7.
      name: "a right-to-left override in the partner's name",
      files: baseWith(P, ['name: Alpha University', `name: Alpha ${RLO}ytisrevinU`]),
      errors: [{ messageId: 'invisible', at: `${P}:3:7` }],
    },
    {
      // Line 17 '  - { name: Ada Lee, …': the value at column 13.
      name: "a zero-width space in a contact's name",
      files: baseWith(P, ['name: Ada Lee', `name: Ada${ZWSP} Lee`]),
      errors: [{ messageId: 'invisible', at: `${P}:17:13` }],
    },
    {
      // Written as a YAML escape, the character is not in the file's text, only in the name read from it.
      name: 'a zero-width space written as an escape in a double-quoted name',
      files: baseWith(P, ['name: Ada Lee', String.raw`name: "Ada\u200b Lee"`]),
      errors: [{ messageId: 'invisible', at: `${P}:17:13` }],
    },
    {
      name: "a grant's title and a deliverable's title (an isolate, a byte-order mark inside the text)",
      files: {
        ...baseWith(G, ['title: A grant', 'title: A \u2066grant\u2069']),
        ...baseWith(D, ['title: First report', 'title: First\ufeff report']),
      },
      errors: [
        { messageId: 'invisible', at: `${G}:3:8` },
        { messageId: 'invisible', at: `${D}:3:10` },
      ],
    },
  ],
});

describe('the message', () => {
  it('names the character by its code point and shows where it is, without printing it', async () => {
    const root = fixtureCopy('base');
    const file = baseWith(P, ['name: Alpha University', `name: Alpha ${RLO}ytisrevinU`]);
    writeFileSync(join(root, P), file[P]);
    const { problems } = await checkData(new FolderSource(root), { asOf: '2026-01-01', rules: [rule] });
    expect(problems.map((p) => p.message)).toEqual([
      "the name 'Alpha ?ytisrevinU' holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 7; " +
        'delete it (retype the name if your editor hides it): it can make the name read differently or make two ' +
        'names that look the same differ',
    ]);
  });
});

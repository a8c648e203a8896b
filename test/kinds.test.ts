/**
 * A new kind of record is one row in the kinds table plus its schema: this
 * test declares a toy kind (reading-group meetings) that no other file knows,
 * and shows it loaded, schema-checked, typed and visible to rules.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../scripts/lib/check/catalog.js';
import { checkData } from '../scripts/lib/check/index.js';
import { defineRule, type Rule } from '../scripts/lib/check/rule.js';
import { RULES } from '../scripts/lib/check/rules/index.js';
import { FolderSource } from '../scripts/lib/load/source.js';
import { renderRecordTypes } from '../scripts/lib/model/generate.js';
import { KINDS, type KindSpec } from '../scripts/lib/model/kinds.js';
import { fixtureCopy } from './helpers/fixtures.js';

const MEETINGS: KindSpec = {
  path: 'partners/{partner}/meetings.yaml',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'toy-meetings.schema.json',
    title: 'Reading-group meetings',
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['date', 'title', 'attendees'],
      properties: {
        date: { $ref: 'defs.schema.json#/$defs/date' },
        title: { type: 'string' },
        attendees: { type: 'integer', minimum: 0 },
      },
    },
  },
  type: 'MeetingsFile',
  owner: 'partner',
  field: 'meetings',
  holds: 'list',
  item: 'session',
  key: (s) => `${String(s.date)} ${String(s.title)}`,
  where: 'partners/<partner-id>/meetings.yaml',
};
const WITH_MEETINGS = { ...KINDS, meetings: MEETINGS };

const SESSIONS =
  '- { date: 2025-06-01, title: Workshop, attendees: 12 }\n- { date: 2025-07-01, title: Office hours, attendees: 0 }\n';

/** A toy rule: a session nobody came to. */
const emptySession = defineRule({
  meta: {
    id: 'toy-empty-session',
    severity: 'warning',
    description: 'A session with no attendees.',
    messages: { empty: { text: "nobody came to '{{title}}'" } },
  },
  create({ report }) {
    return {
      session(item: { file: string; pointer: string; value: { title: string; attendees: number } }) {
        if (item.value.attendees === 0)
          report({ at: item, path: ['attendees'], messageId: 'empty', data: { title: item.value.title } });
      },
    } as never;
  },
}) as unknown as Rule<string, RuleId>;

describe('a kind declared by one row', () => {
  it('is unknown without the row', async () => {
    const root = fixtureCopy('base');
    writeFileSync(join(root, 'partners/alpha/meetings.yaml'), SESSIONS);
    const { problems } = await checkData(new FolderSource(root), { asOf: '2026-01-01' });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'partners/alpha/meetings.yaml:1:1 unknown-file',
    ]);
  });

  it('is loaded into the model and visible to rules with it', async () => {
    const root = fixtureCopy('base');
    writeFileSync(join(root, 'partners/alpha/meetings.yaml'), SESSIONS);
    const { problems, repo } = await checkData(new FolderSource(root, WITH_MEETINGS), {
      asOf: '2026-01-01',
      kinds: WITH_MEETINGS,
      rules: [...RULES, emptySession],
    });
    const alpha = repo.partners.find((p) => p.id === 'alpha') as unknown as {
      meetings: { file: string; pointer: string; value: unknown }[];
    };
    expect(alpha.meetings).toEqual([
      {
        file: 'partners/alpha/meetings.yaml',
        pointer: '/0',
        value: { date: '2025-06-01', title: 'Workshop', attendees: 12 },
      },
      {
        file: 'partners/alpha/meetings.yaml',
        pointer: '/1',
        value: { date: '2025-07-01', title: 'Office hours', attendees: 0 },
      },
    ]);
    expect(problems.map((p) => [`${p.file}:${p.line}:${p.column}`, p.rule, p.message])).toEqual([
      ['partners/alpha/meetings.yaml:2:55', 'toy-empty-session', "nobody came to 'Office hours'"],
    ]);
  });

  it('is checked against its schema, at the line of the mistake', async () => {
    const root = fixtureCopy('base');
    writeFileSync(
      join(root, 'partners/alpha/meetings.yaml'),
      '- { date: 2025-06-01, title: Workshop, attendees: 12 }\n- { date: 2025-07-01, title: Office hours, ' +
        'attendees: -3 }\n',
    );
    const { problems } = await checkData(new FolderSource(root, WITH_MEETINGS), {
      asOf: '2026-01-01',
      kinds: WITH_MEETINGS,
    });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'partners/alpha/meetings.yaml:2:55 value-range',
    ]);
  });

  it('is typed: the generated types gain the record type and its place in KindFiles', async () => {
    const types = await renderRecordTypes(WITH_MEETINGS);
    expect(types).toContain(
      'export type MeetingsFile = {\n  /**\n   * A calendar date written YYYY-MM-DD, e.g. 2026-03-31.\n   ' +
        '*/\n  date: string;\n  title: string;\n  attendees: number;\n}[];',
    );
    expect(types).toContain('  meetings: MeetingsFile;\n}');
  });
});

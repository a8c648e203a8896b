import type { Segment } from '../../load/pointer.js';
import { KINDS } from '../../model/kinds.js';
import { defineRule, type Place } from '../rule.js';

/**
 * Characters that change how a name reads without showing: the bidirectional
 * embeddings, overrides, isolates and marks can make "Acme" display as
 * another name (or reorder a title), and zero-width characters make two
 * names that look the same differ — a look-alike duplicate partner nobody
 * can tell apart on screen (SPEC-3 R13).
 */
const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** The fields that are a display name or a title, wherever they are in a record (a partner, its contacts, …). */
/** Any of the characters above. */
const ANY_INVISIBLE = new RegExp(
  `[${[...INVISIBLE.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
);

const NAME_FIELDS = new Set(['name', 'title']);

export const rule = defineRule({
  meta: {
    id: 'name-invisible-characters',
    severity: 'error',
    description:
      'A name or title (partner, contact, grant, deliverable, training, price-book tier, market entry, checklist ' +
      'item) holds no invisible character: no bidirectional override, embedding, isolate or mark, no zero-width ' +
      'character.',
    messages: {
      invisible: {
        text: "the {{field}} '{{shown}}' holds the invisible character {{code}} ({{char}}) at position {{position}}",
        hint:
          'delete it (retype the name if your editor hides it): it can make the name read differently or make ' +
          'two names that look the same differ',
      },
    },
  },
  create({ report, textOf }) {
    const check = (at: Place, path: Segment[], field: string, text: string) => {
      if (!ANY_INVISIBLE.test(text)) return; // nearly every name: no need to go through it character by character
      let position = 0;
      for (const ch of text) {
        position += 1;
        const code = ch.codePointAt(0)!;
        const name = INVISIBLE.get(code);
        if (name === undefined) continue;
        const shown = [...text].map((c) => (INVISIBLE.has(c.codePointAt(0)!) ? '?' : c)).join('');
        const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
        report({
          at,
          path: [...path],
          messageId: 'invisible',
          data: { field, shown, code: hex, char: name, position },
        });
        return; // One finding a name: deleting one shows the next.
      }
    };
    // One path, grown and shrunk as the walk goes (copied only for a finding): every value of every record is
    // visited, but only objects and lists are descended into (a number, date or other text holds no name).
    const walk = (at: Place, path: Segment[], value: object): void => {
      if (Array.isArray(value))
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (v === null || typeof v !== 'object') continue;
          path.push(i);
          walk(at, path, v);
          path.pop();
        }
      else
        for (const key of Object.keys(value)) {
          const v = (value as Record<string, unknown>)[key];
          const name = typeof v === 'string' && NAME_FIELDS.has(key);
          if (!name && (v === null || typeof v !== 'object')) continue;
          path.push(key);
          if (name) check(at, path, key, v);
          else walk(at, path, v as object);
          path.pop();
        }
    };
    // A file whose text holds none of the characters and no backslash (a double-quoted "\u200b" is the only
    // other way to write one) has none in any name: its records are not walked. Nearly every file is so.
    const plain = new Map<string, boolean>();
    const mayHoldOne = (file: string) => {
      let isPlain = plain.get(file);
      if (isPlain === undefined) {
        const text = textOf(file);
        isPlain = text !== undefined && !text.includes('\\') && !ANY_INVISIBLE.test(text);
        plain.set(file, isPlain);
      }
      return !isPlain;
    };
    // Every kind of record: a name field added to any schema is checked without a change here.
    return Object.fromEntries(
      Object.values(KINDS).map((k) => [
        k.item,
        (item: Place & { value: unknown }) => {
          if (item.value !== null && typeof item.value === 'object' && mayHoldOne(item.file))
            walk(item, [], item.value);
        },
      ]),
    );
  },
});

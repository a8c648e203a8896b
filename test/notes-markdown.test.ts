/**
 * notesMarkdown() returns a note with none of the characters escapedNote() looks for only trimmed
 * (render/markdown.ts): the same text as running every replace, for any note.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapedNote, notesMarkdown } from '../scripts/lib/render/markdown.js';

const note = fc.string({
  unit: fc.constantFrom(...'ab1 .#&<>@{}[]()\r\n\t:;', 'javascript:', '](', '{{', '# ', 'amp;', 'x@y.org'),
  maxLength: 40,
});

describe('notes', () => {
  it('come out as every replace leaves them, those only trimmed included', () => {
    // Any note without an e-mail address (set apart after the replaces): a character the shortcut missed would
    // leave a note only trimmed where a replace changes it.
    fc.assert(
      fc.property(
        note.filter((text) => !text.includes('@')),
        (text) => {
          expect(notesMarkdown(text)).toBe(escapedNote(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

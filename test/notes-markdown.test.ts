/**
 * notesMarkdown() returns a note with none of the characters its replaces look for trimmed and otherwise as it is
 * (render/markdown.ts): the same text as running every replace, for any note.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notesMarkdown } from '../scripts/lib/render/markdown.js';

/** Every replace notesMarkdown() runs on a note that has something to change (with no @, nothing more). */
function everyReplace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/&(?![a-z]+;|#\d+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\]\(\s*(javascript|data|vbscript):(?:[^()\s]|\([^()]*\))*\)/gi, '](#)')
    .replace(/^(#{1,4}) /gm, '$1### ')
    .replace(/\{\{/g, '{\u200b{')
    .trim();
}

const note = fc.string({
  unit: fc.constantFrom(...'ab1 .#&<>@{}[]()\r\n\t:;', 'javascript:', '](', '{{', '# ', 'amp;', 'x@y.org'),
  maxLength: 40,
});

describe('notes', () => {
  it('without a character to change are only trimmed, as every replace would leave them', () => {
    fc.assert(
      fc.property(
        note.filter((text) => !/[\r&<>#{@]|\]\(/.test(text)),
        (text) => {
          expect(notesMarkdown(text)).toBe(everyReplace(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

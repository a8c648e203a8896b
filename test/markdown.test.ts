/**
 * md() and mermaidText() skip their work for text that needs none (most names, ids and month labels, on every
 * partner page): they must give exactly what the full escaping gives, for any text. The references below are the
 * functions as they were before the shortcut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md, mermaidText } from '../scripts/lib/render/markdown.js';

const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_{}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function reference(text: string): string {
  const escape = (rest: string) =>
    rest
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/([*_`[\]#~!{}])/g, '\\$1')
      .replace(/@/g, '`@`');
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  let out = '';
  let from = 0;
  for (const m of clean.matchAll(EMAIL)) {
    out += escape(clean.slice(from, m.index)) + `\`${m[0]}\``;
    from = m.index + m[0].length;
  }
  return out + escape(clean.slice(from));
}

/** Letters, digits and every character that means something to md(), so that random text hits each case. */
const char = fc.oneof(
  fc.constantFrom(...'aZé9 .-+\'"/=?^$%()\\&<>|*_`[]#~!{}@\t\n\r\u0000\u001f\u007f\u2028\u2029\u00a0'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);

describe('md', () => {
  it('gives what the full escaping gives, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        expect(md(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves plain text as it is and escapes the rest', () => {
    expect(md('Acme Hub 2026-11 (EU), 12.5 % off')).toBe('Acme Hub 2026-11 (EU), 12.5 % off');
    expect(md('a_b | <c> ann@example.org @bob\n')).toBe('a\\_b \\| &lt;c&gt; `ann@example.org` `@`bob ');
  });
});

function mermaidReference(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N} .,'()/&+-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || '-'
  );
}

describe('mermaidText', () => {
  it('gives what the full clean-up gives, for any text', () => {
    const word = fc.oneof(
      fc.constantFrom(...'aZé9 .,\'()/&+-:;"#%\t\n\u00a0\u2028'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.string({ unit: word, maxLength: 70 }), (text) => {
        expect(mermaidText(text)).toBe(mermaidReference(text));
      }),
      { numRuns: 5000 },
    );
    const long = 'Monthly active users of the hub '.repeat(3);
    expect(mermaidText(long)).toBe(mermaidReference(long));
    expect([mermaidText('2026-11'), mermaidText(''), mermaidText(' a  b ')]).toEqual(['2026-11', '-', 'a b']);
  });
});

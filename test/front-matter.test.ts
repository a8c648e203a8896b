/**
 * The loader splits a Markdown record at its front matter by hand, as
 * gray-matter (which it used before) splits it: on random texts built of
 * the pieces that matter, the same YAML and the same notes.
 */
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../scripts/lib/load/front-matter.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);

/** What splitFrontMatter answered with gray-matter doing the split. */
function reference(text: string) {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) return split;
  const file = matter(text, { engines: { yaml: () => ({}) }, language: 'yaml' } as never);
  return { yaml: file.matter, body: file.content };
}

const piece = fc.constantFrom(
  '---',
  '----',
  '--- x',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  'id: a',
  '# c',
  'x',
  '...',
  'yaml',
);

describe('the front matter split', () => {
  it('splits as gray-matter does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        for (const text of [pieces.join(''), '---\n' + pieces.join(''), '---\n' + pieces.join('') + '\n---\n'])
          expect(splitFrontMatter(text)).toEqual(reference(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it.each([
    ['---\nid: a\n---\nNotes.\n', '\nid: a', 'Notes.\n'],
    ['---  \r\nid: a\r\n---\r\n\r\nNotes', '  \r\nid: a\r', '\r\nNotes'],
    ['---\nid: a\n--- \nx', '\nid: a', ' \nx'],
    ['---\nid: a\n----\n---\nx', '\nid: a', '-\n---\nx'],
  ])('%j is %j and %j', (text, yaml, body) => {
    expect(splitFrontMatter(text)).toEqual({ yaml, body });
    expect(reference(text)).toEqual({ yaml, body });
  });
});

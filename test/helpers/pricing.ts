/** The price book of SPEC-2 A (test/fixtures/pricing/2025-01.yaml), to add to a fixture with a few edits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';

export const BOOK_TEXT = readFileSync(join(FIXTURES, 'pricing', '2025-01.yaml'), 'utf8');

/** The book at pricing/<id>.yaml with id, effective_from and any text replaced. */
export function bookFile(id: string, effectiveFrom: string, ...edits: [string, string][]): Record<string, string> {
  let text = BOOK_TEXT.replace('id: 2025-01', `id: ${id}`).replace(
    'effective_from: 2025-01-01',
    `effective_from: ${effectiveFrom}`,
  );
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the book has no '${from}'`);
    text = text.replace(from, to);
  }
  return { [`pricing/${id}.yaml`]: text };
}

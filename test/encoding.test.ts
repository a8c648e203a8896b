/**
 * decodeUtf8 asks Node's native isUtf8 first and walks the bytes itself only
 * for a file that fails it (to say where): the two must agree on every byte
 * string, or a file would be read on one way and refused the other.
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../scripts/lib/load/encoding.js';

const RUNS = Number(process.env.FC_RUNS ?? 2000);

// Mostly the bytes UTF-8 is made of (ASCII, lead and continuation bytes, the edges of each range), so that
// valid sequences, overlong ones, surrogates and code points past U+10FFFF all come up.
const byte = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.integer({ min: 0xc0, max: 0xff }),
  fc.constantFrom(0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
);
const text = fc.string({ unit: 'binary' }).map((s) => Buffer.from(s, 'utf8'));

describe('the UTF-8 check', () => {
  it('agrees with isUtf8 on random bytes', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
        const b = Uint8Array.from(bytes);
        expect(firstInvalidUtf8(b) === -1).toBe(isUtf8(b));
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with isUtf8 on real text, whole and cut anywhere', () => {
    fc.assert(
      fc.property(text, fc.nat(), (b, cut) => {
        expect(firstInvalidUtf8(b)).toBe(-1);
        expect(isUtf8(b)).toBe(true);
        const part = b.subarray(0, b.length === 0 ? 0 : cut % b.length);
        expect(firstInvalidUtf8(part) === -1).toBe(isUtf8(part));
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x41, 0x80]],
    ['a cut sequence', [0xe2, 0x82]],
  ])('both refuse %s', (_, bytes) => {
    const b = Uint8Array.from(bytes);
    expect(isUtf8(b)).toBe(false);
    expect(firstInvalidUtf8(b)).not.toBe(-1);
  });
});

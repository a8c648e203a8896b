/** Bytes → text, refusing what a YAML editor would show as garbage. */
import { isUtf8 } from 'node:buffer';

export interface DecodeFault {
  offset: number;
  message: string;
}

export interface Decoded {
  text: string;
  faults: DecodeFault[];
  /** Byte offset → character offset, for locating faults found in the bytes. */
}

/** Decodes UTF-8, reporting a BOM, NUL bytes and the first invalid byte sequence. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const faults: DecodeFault[] = [];
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    faults.push({ offset: 0, message: 'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM' });
    start = 3;
  }
  const body = bytes.subarray(start);
  // Node's own check (native) answers for nearly every file; the byte walk below only finds where a bad one fails.
  const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (bad !== -1) {
    const text = UTF8.decode(body.subarray(0, bad));
    faults.push({
      offset: text.length,
      message:
        `byte 0x${body[bad].toString(16).padStart(2, '0')} is not valid UTF-8; save the file as UTF-8 ` +
        `(the text before it is shown, nothing after it was read)`,
    });
    return { text, faults };
  }
  const text = UTF8.decode(body);
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    faults.push({ offset: nul, message: 'the file contains a NUL byte, so it is not a text file; remove it' });
    return { text: text.slice(0, nul), faults };
  }
  return { text, faults };
}

// One decoder for every file: decode() without { stream } keeps no state between calls.
const UTF8 = new TextDecoder('utf-8');

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1 (exported for its test against isUtf8). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [len, min] = [2, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [len, min] = [3, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/**
 * Windows line endings (CRLF, what Git for Windows checks out by default)
 * read as plain newlines. Only the CR before a LF goes, so every line and
 * column stays where it was in the file.
 */
export function toLf(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The line ending a file uses: CRLF when its first line ends so, else LF. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

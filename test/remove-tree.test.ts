/**
 * The old report set is removed after the swap by removeTree, which trusts the folder listing for each entry's
 * kind: it must remove what is below the folder and nothing a link there points to.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTree } from '../scripts/lib/write/atomic.js';
import { tempDir } from './helpers/fixtures.js';

describe('removeTree', () => {
  it('removes nested folders, files and empty folders', () => {
    const dir = join(tempDir(), 'old');
    mkdirSync(join(dir, 'partners', 'empty'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# x\n');
    writeFileSync(join(dir, 'partners', 'p1.md'), '# p1\n');
    writeFileSync(join(dir, '.generated'), 'README.md\n');
    removeTree(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('removes links, never what they point to', () => {
    const base = tempDir();
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep.md'), 'mine\n');
    const dir = join(base, 'old');
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'folder-link'));
    symlinkSync(join(outside, 'keep.md'), join(dir, 'file-link.md'));
    removeTree(dir);
    expect(readdirSync(base)).toEqual(['outside']);
    expect(readdirSync(outside)).toEqual(['keep.md']);
  });

  it('fails on a folder that is not there, as the swap expects (it then leaves the rest to the next run)', () => {
    expect(() => removeTree(join(tempDir(), 'gone'))).toThrow(/ENOENT/);
  });
});

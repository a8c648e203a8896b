/** The size of a synthetic data set (the floor itself is bench/floor.mjs, plain JavaScript). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FolderSource } from '../scripts/lib/load/source.js';

/** The data files and the bytes they hold (not the disk blocks they take). */
export async function dataSize(root: string): Promise<{ files: number; bytes: number }> {
  const entries = await new FolderSource(root).list();
  return { files: entries.length, bytes: entries.reduce((n, e) => n + statSync(join(root, e.path)).size, 0) };
}

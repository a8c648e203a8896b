/**
 * The floor: read every data file and parse it with js-yaml's core schema
 * (the fastest correct YAML parser on npm; front matter split with
 * gray-matter), nothing else. No command that reads every file can be faster.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import matter from 'gray-matter';
import { FolderSource } from '../scripts/lib/load/source.js';

const SPLIT_ONLY = { engines: { yaml: () => ({}) } } as never;

export async function parseFloor(root: string): Promise<number> {
  const entries = await new FolderSource(root).list();
  for (const e of entries) {
    const text = readFileSync(join(root, e.path), 'utf8');
    jsyaml.load(e.path.endsWith('.md') ? matter(text, SPLIT_ONLY).matter : text, { schema: jsyaml.CORE_SCHEMA });
  }
  return entries.length;
}

/** The data files and the bytes they hold (not the disk blocks they take). */
export async function dataSize(root: string): Promise<{ files: number; bytes: number }> {
  const entries = await new FolderSource(root).list();
  return { files: entries.length, bytes: entries.reduce((n, e) => n + statSync(join(root, e.path)).size, 0) };
}

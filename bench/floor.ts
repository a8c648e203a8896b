/**
 * The floor: read every data file and parse it with `yaml` (front matter
 * split with gray-matter), nothing else. No validator can be faster.
 */
import { LineCounter, parseDocument } from 'yaml';
import matter from 'gray-matter';
import { FolderSource } from '../scripts/lib/load/source.js';

export async function parseFloor(root: string): Promise<number> {
  const source = new FolderSource(root);
  const entries = await source.list();
  let parsed = 0;
  for (const e of entries) {
    const text = (await source.read(e.path)).toString('utf8');
    const yamlText = e.path.endsWith('.md') ? matter(text, { engines: { yaml: () => ({}) } } as never).matter : text;
    parseDocument(yamlText, { lineCounter: new LineCounter(), schema: 'core' }).toJS();
    parsed++;
  }
  return parsed;
}

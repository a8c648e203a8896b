/**
 * The folder this tool is installed in (the one holding its package.json):
 * where its schemas, templates and docs are, and the default data root. Found
 * by walking up from this module, because the module runs from two places —
 * scripts/lib/ under tsx, and a chunk in dist/ in the bundled build — at
 * different depths.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function toolRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: the tool's files are missing`);
  }
}

export const TOOL_ROOT = toolRoot(dirname(fileURLToPath(import.meta.url)));

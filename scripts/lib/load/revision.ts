/**
 * Which data a report was built from: the last commit that changed a data
 * file, so that regenerating reports at a later commit that changed only code
 * gives the same text; "+ uncommitted changes" when the working tree differs.
 */
import { gitOutput, isInsideWorkTree } from './git-query.js';
import { DATA_FOLDERS, ROOT_FILES } from './layout.js';

const DATA_PATHS = [...ROOT_FILES, ...DATA_FOLDERS];

export async function dataRevision(root: string, rev?: string): Promise<string> {
  // All asked at once (git-query.ts). Paths are relative to the data root, where git runs.
  const [inside, log, status] = await Promise.allSettled([
    isInsideWorkTree(root),
    gitOutput(root, ['log', '-1', '--format=%h %cs', ...(rev ? [rev] : []), '--', ...DATA_PATHS]),
    // At a revision, the working tree is not what was read.
    // Without optional locks, as a command in the background should: a plain status may rewrite the index.
    rev ? '' : gitOutput(root, ['--no-optional-locks', 'status', '--porcelain', '--', ...DATA_PATHS]),
  ]);
  if (inside.status === 'fulfilled' && !inside.value) return 'a folder not under version control';
  if (inside.status === 'rejected' || log.status === 'rejected' || status.status === 'rejected')
    return 'unknown (git could not be read)';
  const [hash, date] = log.value.trim().split(' ');
  const label = hash ? `${hash} (${date})` : 'no commit yet';
  return status.value.trim() ? `${label} + uncommitted changes` : label;
}

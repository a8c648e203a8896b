/**
 * Which data a report was built from: the last commit that changed a data
 * file, so that regenerating reports at a later commit that changed only code
 * gives the same text; "+ uncommitted changes" when the working tree differs.
 */
import { simpleGit } from 'simple-git';
import { DATA_FOLDERS, ROOT_FILES } from './layout.js';

const DATA_PATHS = [...ROOT_FILES, ...DATA_FOLDERS];

export async function dataRevision(root: string, rev?: string): Promise<string> {
  const git = simpleGit({ baseDir: root });
  try {
    if (!(await git.checkIsRepo())) return 'a folder not under version control';
    // Paths are relative to the data root, where git runs.
    const [log, status] = await Promise.all([
      git.raw(['log', '-1', '--format=%h %cs', ...(rev ? [rev] : []), '--', ...DATA_PATHS]),
      // At a revision, the working tree is not what was read.
      // Without optional locks, as a command in the background should: a plain status may rewrite the index.
      rev ? '' : git.raw(['--no-optional-locks', 'status', '--porcelain', '--', ...DATA_PATHS]),
    ]);
    const [hash, date] = log.trim().split(' ');
    const label = hash ? `${hash} (${date})` : 'no commit yet';
    return status.trim() ? `${label} + uncommitted changes` : label;
  } catch {
    return 'unknown (git could not be read)';
  }
}

/**
 * The change history of the data files, from a single `git log` pass: who
 * changed which data file in which commit and when. Figures read it; nothing
 * here runs a command per file.
 */
import { gitOutput, isInsideWorkTree } from './git-query.js';
import { DATA_FOLDERS, ROOT_FILES } from './layout.js';

export interface FileChange {
  commit: string;
  author: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
  subject: string;
  /** Relative to the data root. */
  path: string;
  /** A added, M modified, D deleted (renames are a delete and an add). */
  status: 'A' | 'M' | 'D';
}

export interface History {
  /** False when the data is not in a git repository: no history figures then. */
  available: boolean;
  /** Newest first. */
  changes: FileChange[];
}

export const NO_HISTORY: History = { available: false, changes: [] };

const RECORD = '\x1e';
const FIELD = '\x1f';

export async function readHistory(root: string, rev = 'HEAD'): Promise<History> {
  // Both asked at once: the log does not wait for the answer that the folder is a repository (git-query.ts).
  const [inside, log] = await Promise.allSettled([
    isInsideWorkTree(root),
    gitOutput(root, [
      '-c',
      'core.quotePath=false',
      'log',
      rev,
      '--no-renames',
      '--relative',
      `--format=${RECORD}%H${FIELD}%an${FIELD}%as${FIELD}%s`,
      '--name-status',
      '--',
      ...ROOT_FILES,
      ...DATA_FOLDERS,
    ]),
  ]);
  if (inside.status === 'fulfilled' && !inside.value) return NO_HISTORY;
  // An empty repository, a revision with no data yet, or git unable to answer.
  if (inside.status === 'rejected' || log.status === 'rejected') return { available: true, changes: [] };
  return { available: true, changes: parseLog(log.value) };
}

export function parseLog(out: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const block of out.split(RECORD)) {
    if (!block.trim()) continue;
    const [header, ...rest] = block.split('\n');
    const [commit, author, date, subject] = header.split(FIELD);
    for (const line of rest) {
      const m = /^([AMD])\t(.+)$/.exec(line);
      if (m) changes.push({ commit, author, date, subject, path: m[2], status: m[1] as FileChange['status'] });
    }
  }
  return changes;
}

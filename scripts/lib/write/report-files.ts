/**
 * Writes the reports: each file through a temporary file and a rename, so an
 * interrupted run never leaves half a report; report files no longer
 * produced (a removed partner's page) are deleted. Files that are not
 * Markdown (.gitkeep, anything a person put there) are left alone.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class ReportWriteError extends Error {}

export interface WriteSummary {
  written: number;
  deleted: string[];
}

/** Writes reports as they come (each through a temp file and a rename), then deletes stale ones. */
export async function writeReports(outDir: string, files: Iterable<[string, string]>): Promise<WriteSummary> {
  const summary: WriteSummary = { written: 0, deleted: [] };
  const written = new Set<string>();
  try {
    await mkdir(join(outDir, 'partners'), { recursive: true });
    const existing = await listMarkdown(outDir);
    for (const [path, content] of files) {
      const target = join(outDir, path);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, content);
      await rename(temp, target);
      written.add(path);
      summary.written++;
    }
    for (const stale of existing.filter((p) => !written.has(p))) {
      await rm(join(outDir, stale));
      summary.deleted.push(stale);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'it is not writable' : err.message;
    throw new ReportWriteError(`cannot write the reports to ${outDir}: ${why}`);
  }
  return summary;
}

/** Markdown files of the report folder and its partners/ subfolder, relative paths. */
async function listMarkdown(outDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['', 'partners']) {
    const names = await readdir(join(outDir, sub)).catch(() => [] as string[]);
    for (const n of names) if (n.endsWith('.md')) found.push(sub ? `${sub}/${n}` : n);
  }
  return found;
}

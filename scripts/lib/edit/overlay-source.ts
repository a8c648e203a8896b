/** The data as it would be after an edit: files on disk with some replaced or added in memory. */
import type { DataSource, SourceEntry } from '../load/source.js';

export class OverlaySource implements DataSource {
  constructor(
    private readonly base: DataSource,
    private readonly changed: ReadonlyMap<string, string>,
  ) {}

  get label(): string {
    return `${this.base.label} (with the edit)`;
  }

  async list(): Promise<SourceEntry[]> {
    const entries = new Map((await this.base.list()).map((e) => [e.path, e]));
    for (const [path, text] of this.changed) entries.set(path, { path, type: 'file', size: Buffer.byteLength(text) });
    return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(path: string): Promise<Buffer> {
    const text = this.changed.get(path);
    return text === undefined ? this.base.read(path) : Buffer.from(text, 'utf8');
  }
}

/**
 * A set of file edits that is checked as a whole before anything is written:
 * if the data would have errors it did not have, or any error in an edited
 * file, nothing is written and the problems are shown instead.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkData, type CheckResult } from '../check/index.js';
import { splitFrontMatter } from '../load/front-matter.js';
import { FolderSource } from '../load/source.js';
import { countBySeverity } from '../problem.js';
import { formatText } from '../write/problems.js';
import { OverlaySource } from './overlay-source.js';
import { YamlEditor } from './yaml-editor.js';

export class EditRefused extends Error {
  override name = 'EditRefused';
}

export class ChangeSet {
  private readonly changed = new Map<string, string>();
  private base?: CheckResult;

  constructor(
    readonly root: string,
    readonly asOf: string,
  ) {}

  /** The checked data before the edit (loaded once). */
  async current(): Promise<CheckResult> {
    this.base ??= await checkData(new FolderSource(this.root), { asOf: this.asOf });
    return this.base;
  }

  exists(path: string): boolean {
    return this.changed.has(path) || existsSync(join(this.root, path));
  }

  read(path: string): string {
    return this.changed.get(path) ?? readFileSync(join(this.root, path), 'utf8');
  }

  create(path: string, text: string): void {
    if (this.exists(path)) throw new EditRefused(`${path} already exists; choose another id`);
    this.changed.set(path, text);
  }

  /** Edits a YAML file, or the front matter of a Markdown one, leaving the rest of it as it was. */
  edit(path: string, change: (editor: YamlEditor) => void): void {
    const text = this.exists(path) ? this.read(path) : '';
    if (path.endsWith('.md')) {
      const split = splitFrontMatter(text);
      if (split.yaml === undefined) throw new EditRefused(`${path}: ${split.fault}`);
      const editor = new YamlEditor(split.yaml);
      change(editor);
      // The file is '---' + front matter + '\n---' + the rest: only the front matter changes.
      const rest = text.slice('---'.length + split.yaml.length + '\n---'.length);
      this.changed.set(path, `---${editor.toString().replace(/\n+$/, '')}\n---${rest}`);
      return;
    }
    const editor = new YamlEditor(text);
    change(editor);
    this.changed.set(path, editor.toString());
  }

  /** Checks the edited data, then writes every edited file through a temporary file and a rename. */
  async commit(): Promise<string[]> {
    const before = await this.current();
    const after = await checkData(new OverlaySource(new FolderSource(this.root), this.changed), { asOf: this.asOf });
    const inEdited = after.problems.filter((p) => p.severity === 'error' && this.changed.has(p.file));
    const newErrors = countBySeverity(after.problems).errors > countBySeverity(before.problems).errors;
    if (inEdited.length || newErrors) {
      const shown = inEdited.length ? inEdited : after.problems.filter((p) => p.severity === 'error');
      throw new EditRefused(`nothing was written: the change would leave these errors\n\n${formatText(shown, (f) => after.files.get(f)?.text)}`);
    }
    const written = [...this.changed.keys()].sort();
    for (const path of written) {
      const target = join(this.root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(`${target}.${process.pid}.tmp`, this.changed.get(path)!);
      renameSync(`${target}.${process.pid}.tmp`, target);
    }
    return written;
  }
}

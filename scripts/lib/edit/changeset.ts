/**
 * A set of file edits that is checked as a whole before anything is written:
 * if the data would have errors it did not have, or any error in an edited
 * file, nothing is written and the problems are shown instead.
 *
 * Nothing another command wrote meanwhile is ever overwritten: each edit
 * remembers the bytes it was based on, and the files are written only if
 * those bytes are still what is on disk, checked and written under one
 * exclusive lock. Otherwise the edit fails with ConcurrentChange, and the
 * command runs it again on the new content.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkData, type CheckResult } from '../check/index.js';
import { lineEndingOf, toLf } from '../load/encoding.js';
import { splitFrontMatter } from '../load/front-matter.js';
import { FolderSource } from '../load/source.js';
import { countBySeverity, type Problem } from '../problem.js';
import { removeStaleTempFiles, uninterrupted, withLock, writeFileAtomic } from '../write/atomic.js';
import { formatText } from '../write/problems.js';
import { OverlaySource } from './overlay-source.js';
import { YamlEditor } from './yaml-editor.js';

export class EditRefused extends Error {
  override name = 'EditRefused';
}

/** A file changed on disk after this edit read it: the edit must be made again on the new content. */
export class ConcurrentChange extends EditRefused {
  constructor(readonly path: string) {
    super(`${path} was changed by another command while this one ran, so nothing was written; run the command again`);
  }
}

/** The lock every data-writing command holds while it compares and writes (relative to the data root). */
export const WRITE_LOCK = '.ops-write.lock';

export class ChangeSet {
  /** New text of each edited or created file, with LF line endings. */
  private readonly changed = new Map<string, string>();
  /** The bytes each touched file had when it was first read (undefined: it did not exist). */
  private readonly original = new Map<string, string | undefined>();
  private base?: CheckResult;
  /** After commit: warnings the edit brought into the files it wrote, formatted for the terminal ('' for none). */
  newWarnings = '';

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
    return this.changed.has(path) || this.onDisk(path) !== undefined;
  }

  /** The file's text as the edit sees it (LF line endings). */
  read(path: string): string {
    const edited = this.changed.get(path);
    if (edited !== undefined) return edited;
    const raw = this.onDisk(path);
    if (raw === undefined) throw new EditRefused(`${path} does not exist`);
    return toLf(raw);
  }

  /**
   * Creates a file. One that holds exactly this text already is left as it
   * is (another command made the same record); one that appeared since the
   * data was loaded makes the edit start again on the new data (ConcurrentChange).
   */
  create(path: string, text: string): void {
    if (!this.changed.has(path) && toLf(this.onDisk(path)?.replace(/^\uFEFF/, '') ?? '\0') === text) return;
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

  /**
   * Checks the edited data, then, holding the write lock, makes sure no
   * edited file changed since it was read and writes each through a
   * temporary file and a rename, in the file's own line endings.
   */
  async commit(): Promise<string[]> {
    const before = await this.current();
    const after = await checkData(new OverlaySource(new FolderSource(this.root), this.changed), { asOf: this.asOf });
    const inEdited = after.problems.filter((p) => p.severity === 'error' && this.changed.has(p.file));
    const newErrors = countBySeverity(after.problems).errors > countBySeverity(before.problems).errors;
    if (inEdited.length || newErrors) {
      const shown = inEdited.length ? inEdited : after.problems.filter((p) => p.severity === 'error');
      throw new EditRefused(
        `nothing was written: the change would leave these ` +
          `errors\n\n${formatText(shown, (f) => after.files.get(f)?.text)}`,
      );
    }
    const known = new Set(before.problems.map(problemKey));
    const warnings = after.problems.filter(
      (p) => p.severity === 'warning' && this.changed.has(p.file) && !known.has(problemKey(p)),
    );
    if (warnings.length) this.newWarnings = formatText(warnings, (f) => after.files.get(f)?.text);
    const written = [...this.changed.keys()].sort();
    await withLock(
      join(this.root, WRITE_LOCK),
      () => {
        for (const path of written) {
          // A rename would replace a link with a file: the link's target would silently stop being the data.
          if (isSymlink(join(this.root, path)))
            throw new EditRefused(`${path} is a symbolic link; replace it with the real file before editing it`);
          if (readOrUndefined(join(this.root, path)) !== this.original.get(path)) throw new ConcurrentChange(path);
        }
        return uninterrupted(() => {
          for (const path of written) {
            const target = join(this.root, path);
            mkdirSync(dirname(target), { recursive: true });
            removeStaleTempFiles(dirname(target));
            const original = this.original.get(path);
            const text = this.changed.get(path)!;
            writeFileAtomic(
              target,
              original !== undefined && lineEndingOf(original) === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text,
            );
          }
        });
      },
      { what: 'the data files' },
    );
    return written;
  }

  /**
   * The bytes of a file on disk, read once: every later look at it is
   * answered from that reading, so the edit and the final comparison are
   * about the same bytes. The edit must also agree with the data the check
   * loaded, or a decision (is this invoice paid?) could rest on older text.
   */
  private onDisk(path: string): string | undefined {
    if (!this.original.has(path)) {
      const raw = readOrUndefined(join(this.root, path));
      const loaded = this.base?.files.get(path);
      if (loaded && (raw === undefined || toLf(raw.replace(/^\uFEFF/, '')) !== loaded.text))
        throw new ConcurrentChange(path);
      // A file that was not there when the data was listed was written by another command since.
      if (this.base && !loaded && raw !== undefined && !this.base.repo.paths.has(path))
        throw new ConcurrentChange(path);
      this.original.set(path, raw);
    }
    return this.original.get(path);
  }
}

/** A warning is the same one before and after an edit when its file, check and words are (lines may move). */
function problemKey(p: Problem): string {
  return `${p.file}\0${p.rule}\0${p.message}`;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readOrUndefined(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

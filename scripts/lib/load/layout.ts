/**
 * Where each kind of record lives, read from the kinds table. A path either
 * has exactly one kind, or it is a file in a data folder that does not
 * belong there.
 */
import { distance } from 'fastest-levenshtein';
import { KINDS, type FileKind, type Kinds } from '../model/kinds.js';

export type { FileKind };

export interface Placement {
  kind: FileKind;
  /** The owner's folder name (a partner or grant id), for files under partners/<id>/ or grants/<id>/. */
  owner?: string;
  /** The record's file name without its extension, for kinds stored one record per file. */
  id?: string;
}

export const CONFIG_FILE = KINDS.config.path;

/** Files at the root of the data (ops.config.yaml). */
export const ROOT_FILES: readonly string[] = rootFiles(KINDS);
/** Folders whose every file must be a record of a known kind. */
export const DATA_FOLDERS: readonly string[] = dataFolders(KINDS);

export function rootFiles(kinds: Kinds): string[] {
  return Object.values(kinds)
    .filter((k) => !k.path.includes('/'))
    .map((k) => k.path);
}

export function dataFolders(kinds: Kinds): string[] {
  return [
    ...new Set(
      Object.values(kinds)
        .filter((k) => k.path.includes('/'))
        .map((k) => k.path.split('/')[0]),
    ),
  ];
}

/** Files a person may keep in a data folder that are not records. */
export function isIgnoredFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'README.md' || name.startsWith('.');
}

interface Matcher {
  kind: string;
  regex: RegExp;
  /** For each capture group: which placeholder it is. */
  groups: string[];
}

const matchers = new WeakMap<Kinds, Matcher[]>();

function matchersOf(kinds: Kinds): Matcher[] {
  let list = matchers.get(kinds);
  if (!list) {
    list = Object.entries(kinds).map(([kind, spec]) => {
      const groups: string[] = [];
      const source = spec.path
        .split(/(\{[a-z]+\})/)
        .map((part) => {
          const m = /^\{([a-z]+)\}$/.exec(part);
          if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          groups.push(m[1]);
          return '([^/]+)';
        })
        .join('');
      return { kind, regex: new RegExp(`^${source}$`), groups };
    });
    matchers.set(kinds, list);
  }
  return list;
}

export function classify(path: string, kinds: Kinds = KINDS): Placement | undefined {
  for (const m of matchersOf(kinds)) {
    const found = m.regex.exec(path);
    if (!found) continue;
    const placement: Placement = { kind: m.kind as FileKind };
    m.groups.forEach((g, i) => {
      if (g === 'id') placement.id = found[i + 1];
      else placement.owner = found[i + 1];
    });
    return placement;
  }
  return undefined;
}

/** A pattern as people read it: partners/<partner-id>/contracts/<contract-id>.yaml. */
function shown(pattern: string, kind: string): string {
  return pattern.replace(/\{([a-z]+)\}/g, (_, g: string) => `<${g === 'id' ? kind : g}-id>`);
}

/** A plain-words hint for a file that is not where any record kind lives. */
export function placementHint(path: string, kinds: Kinds = KINDS): string {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const folder = parts.slice(0, -1);
  const specs = Object.entries(kinds).filter(([, k]) => k.path.includes('/'));
  // Patterns whose folders match the file's folders, placeholders matching anything.
  const inFolder = (pattern: string, depth: number) => {
    const p = pattern.split('/');
    return p.length > depth && folder.slice(0, depth).every((seg, i) => p[i] === seg || /^\{[a-z]+\}$/.test(p[i]));
  };
  const here = specs.filter(([, k]) => k.path.split('/').length === parts.length && inFolder(k.path, folder.length));
  // A file where one-record-per-file kinds live (partners/x/contracts/foo.yml).
  const each = here.find(([, k]) => k.path.split('/').pop()!.startsWith('{id}'));
  if (each && folder.length > 1) {
    const ext = each[1].path.slice(each[1].path.lastIndexOf('.'));
    if (name.endsWith('.yml') && ext === '.yaml')
      return `${each[0]} files end in .yaml: rename it to ${name.slice(0, -4)}.yaml`;
    return `a ${each[0]} file is named <${each[0]}-id>${ext}`;
  }
  if (here.length === 0) {
    // Folders of partners and grants first, then folders of files (costs/recurring.yaml).
    const tops = dataFolders(kinds)
      .map((top) => {
        const owned = specs.find(([, k]) => k.path.startsWith(`${top}/{`));
        // A folder per record (partners/<partner-id>/…) or a file per record (market/<id>.md).
        const [, placeholder, ...below] = owned?.[1].path.split('/') ?? [];
        return owned
          ? below.length
            ? `${top}/<${placeholder.slice(1, -1)}-id>/…`
            : `${top}/${placeholder.replace(/^\{(\w+)\}/, '<$1>')}`
          : specs
              .filter(([, k]) => k.path.startsWith(`${top}/`))
              .map(([, k]) => k.path)
              .join(', ');
      })
      .sort((a, b) => Number(!a.endsWith('…')) - Number(!b.endsWith('…')));
    return `data files live at ${tops.slice(0, -1).join(', ')} or ${tops[tops.length - 1]} (see docs/data.md)`;
  }
  const where = `${folder.join('/')}/`;
  const direct = here.map(([, k]) => k.path.split('/').pop()!);
  const nested = specs
    .filter(([, k]) => k.path.split('/').length > parts.length && inFolder(k.path, folder.length))
    .map(([kind, k]) => shown(k.path.split('/').slice(folder.length).join('/'), kind));
  const expected = [...direct, ...nested];
  const stem = name.replace(/\.ya?ml$/, '');
  const close = expected.find((e) => distance(e, name) <= 3 || e.startsWith(`${stem}s/`));
  const list = expected.join(', ');
  return close ? `did you mean ${where}${close}? Files here are: ${list}` : `files in ${where} are: ${list}`;
}

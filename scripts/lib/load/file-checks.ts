/**
 * The loader's own checks: what can be wrong with a file before its data is
 * read (its kind, type, size, encoding, YAML). Declared here, below the
 * checker, so the loader names its problems without importing from check/;
 * check/catalog.ts lists them with the schema and rule checks.
 */
import type { CheckInfo } from '../problem.js';

export const FILE_CHECKS = [
  {
    id: 'unknown-file',
    severity: 'error',
    description:
      'A file in partners/, grants/, costs/ or pricing/ that is not a record of any kind ' +
      '(README.md and dotfiles excepted).',
  },
  {
    id: 'file-type',
    severity: 'error',
    description: 'A symbolic link or a non-regular file in a data folder (links are never followed).',
  },
  { id: 'file-too-large', severity: 'error', description: 'A file over 10 MiB, refused unread.' },
  { id: 'file-encoding', severity: 'error', description: 'A byte-order mark, invalid UTF-8 or a NUL byte.' },
  {
    id: 'front-matter',
    severity: 'error',
    description: "A Markdown record without a '---' front matter block, or with one left open.",
  },
  {
    id: 'empty-file',
    severity: 'error',
    description: 'A record file with no data (a list file may hold an empty list: []).',
  },
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'YAML that cannot be read, or data nested more than 64 levels deep.',
  },
  {
    id: 'yaml-warning',
    severity: 'warning',
    description: 'YAML that reads, but not as it looks (for example an unknown !tag).',
  },
  { id: 'yaml-tab', severity: 'error', description: 'A tab used for indentation.' },
  { id: 'duplicate-key', severity: 'error', description: 'The same key twice in one block.' },
  {
    id: 'yaml-alias',
    severity: 'error',
    description: 'Aliases (*name) that expand to more than 100 values (an "alias bomb").',
  },
  { id: 'unsafe-key', severity: 'error', description: 'A `__proto__`, `constructor` or `prototype` key.' },
] as const satisfies readonly CheckInfo[];

export type FileCheckId = (typeof FILE_CHECKS)[number]['id'];

/**
 * Where each kind of record lives. A path either has exactly one kind, or it
 * is a file in a data folder that does not belong there.
 */
import { distance } from 'fastest-levenshtein';

export type FileKind =
  | 'config'
  | 'partner'
  | 'contract'
  | 'invoices'
  | 'cloud-costs'
  | 'usage'
  | 'feedback'
  | 'recurring-costs'
  | 'grant'
  | 'deliverables';

export interface Placement {
  kind: FileKind;
  /** The partner folder name, for files under partners/<id>/. */
  partner?: string;
  /** The grant folder name, for files under grants/<id>/. */
  grant?: string;
  /** The contract file name without .yaml. */
  contract?: string;
}

export const CONFIG_FILE = 'ops.config.yaml';
/** Folders whose every file must be a record of a known kind. */
export const DATA_FOLDERS = ['partners', 'grants', 'costs'] as const;

const PARTNER_FILES: Record<string, FileKind> = {
  'partner.md': 'partner',
  'invoices.yaml': 'invoices',
  'cloud-costs.yaml': 'cloud-costs',
  'usage.yaml': 'usage',
  'feedback.yaml': 'feedback',
};
const GRANT_FILES: Record<string, FileKind> = { 'grant.md': 'grant', 'deliverables.yaml': 'deliverables' };

/** Files a person may keep in a data folder that are not records. */
export function isIgnoredFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'README.md' || name.startsWith('.');
}

export function classify(path: string): Placement | undefined {
  if (path === CONFIG_FILE) return { kind: 'config' };
  if (path === 'costs/recurring.yaml') return { kind: 'recurring-costs' };
  const parts = path.split('/');
  if (parts[0] === 'partners') {
    const partner = parts[1];
    if (parts.length === 3 && PARTNER_FILES[parts[2]]) return { kind: PARTNER_FILES[parts[2]], partner };
    if (parts.length === 4 && parts[2] === 'contracts' && parts[3].endsWith('.yaml') && parts[3].length > 5) {
      return { kind: 'contract', partner, contract: parts[3].slice(0, -'.yaml'.length) };
    }
  }
  if (parts[0] === 'grants' && parts.length === 3 && GRANT_FILES[parts[2]]) {
    return { kind: GRANT_FILES[parts[2]], grant: parts[1] };
  }
  return undefined;
}

/** A plain-words hint for a file that is not where any record kind lives. */
export function placementHint(path: string): string {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  let expected: string[] = [];
  let where = '';
  if (parts[0] === 'partners' && parts.length === 3) {
    expected = [...Object.keys(PARTNER_FILES), 'contracts/<contract-id>.yaml'];
    where = `partners/${parts[1]}/`;
  } else if (parts[0] === 'partners' && parts.length === 4 && parts[2] === 'contracts') {
    if (name.endsWith('.yml')) return `contract files end in .yaml: rename it to ${name.slice(0, -4)}.yaml`;
    return 'a contract file is named <contract-id>.yaml';
  } else if (parts[0] === 'grants' && parts.length === 3) {
    expected = Object.keys(GRANT_FILES);
    where = `grants/${parts[1]}/`;
  } else if (parts[0] === 'costs' && parts.length === 2) {
    expected = ['recurring.yaml'];
    where = 'costs/';
  } else {
    return 'data files live at partners/<partner-id>/…, grants/<grant-id>/… or costs/recurring.yaml (see docs/data.md)';
  }
  const close = expected.find((e) => distance(e, name) <= 3 || (name === 'contract.yaml' && e.startsWith('contracts/')));
  const list = expected.join(', ');
  return close ? `did you mean ${where}${close}? Files here are: ${list}` : `files in ${where} are: ${list}`;
}

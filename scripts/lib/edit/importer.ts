/**
 * `npm run import -- cloud-costs|usage FILE.csv`: monthly cloud bills or
 * active users, one row per hub and month, merged into each partner's file.
 * Importing the same file again changes nothing; a row that changes a value
 * updates it; a bad row stops the whole import, naming its line.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { MINOR_UNITS } from '../money/currency.js';
import { dec } from '../money/decimal.js';
import type { Currency } from '../model/records.js';
import { EditRefused, type ChangeSet } from './changeset.js';
import { money } from './new-records.js';

export const IMPORT_COLUMNS = {
  'cloud-costs': ['month', 'hub', 'amount', 'currency'],
  usage: ['month', 'hub', 'active_users'],
} as const;
export type ImportKind = keyof typeof IMPORT_COLUMNS;

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export async function importCsv(changes: ChangeSet, kind: ImportKind, file: string): Promise<ImportSummary> {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new EditRefused(`${file} cannot be read as CSV: ${(e as Error).message}`);
  }
  const expected = IMPORT_COLUMNS[kind];
  const header = rows.length ? Object.keys(rows[0]) : [];
  if (rows.length && (header.length !== expected.length || expected.some((c) => !header.includes(c)))) {
    throw new EditRefused(`${file}: the columns must be ${expected.join(', ')} (found ${header.join(', ')})`);
  }
  const { repo } = await changes.current();
  const owner = new Map(repo.partners.flatMap((p) => (p.profile?.value.hubs ?? []).map((h) => [h.id, p.id] as const)));
  const errors: string[] = [];
  const byPartner = new Map<string, { line: number; row: Record<string, string> }[]>();
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const problem = rowProblem(kind, row, owner);
    if (problem) return errors.push(`${file} line ${line}: ${problem}`);
    const partner = owner.get(row.hub)!;
    const list = byPartner.get(partner);
    if (list) list.push({ line, row });
    else byPartner.set(partner, [{ line, row }]);
  });
  if (errors.length) throw new EditRefused(`nothing was imported:\n${errors.map((e) => `  ${e}`).join('\n')}`);

  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0 };
  for (const [partner, entries] of [...byPartner].sort()) {
    const path = `partners/${partner}/${kind}.yaml`;
    const existing = repo.partners.find((p) => p.id === partner)![kind === 'usage' ? 'usage' : 'cloudCosts'];
    const index = new Map(existing.map((item) => [`${item.value.hub} ${item.value.month}`, { at: Number(item.pointer.slice(1)), value: item.value as Record<string, unknown> }]));
    const edits: ((e: import('./yaml-editor.js').YamlEditor) => void)[] = [];
    for (const { row } of entries) {
      const value = kind === 'usage' ? { month: row.month, hub: row.hub, active_users: Number(row.active_users) } : { month: row.month, hub: row.hub, amount: money(row.amount, row.currency), currency: row.currency };
      const found = index.get(`${row.hub} ${row.month}`);
      if (!found) {
        edits.push((e) => e.append([], value));
        index.set(`${row.hub} ${row.month}`, { at: -1, value: {} });
        summary.added++;
        continue;
      }
      const fields = kind === 'usage' ? (['active_users'] as const) : (['amount', 'currency'] as const);
      const differs = fields.filter((f) => (f === 'amount' ? !dec(Number(found.value.amount)).equals(dec(row.amount)) : String(found.value[f]) !== String(row[f])));
      if (differs.length === 0) {
        summary.unchanged++;
        continue;
      }
      edits.push((e) => differs.forEach((f) => e.set([found.at, f], value[f as keyof typeof value])));
      summary.updated++;
    }
    if (edits.length) changes.edit(path, (e) => edits.forEach((apply) => apply(e)));
  }
  return summary;
}

function rowProblem(kind: ImportKind, row: Record<string, string>, owner: Map<string, string>): string | undefined {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(row.month)) return `month '${row.month}' is not a month written YYYY-MM`;
  if (!owner.has(row.hub)) return `hub '${row.hub}' is not a hub of any partner (hubs are listed in each partners/<id>/partner.md)`;
  if (kind === 'usage') return /^\d+$/.test(row.active_users) ? undefined : `active_users '${row.active_users}' is not a whole number`;
  if (!(row.currency in MINOR_UNITS)) return `currency '${row.currency}' is not a currency code such as USD or CAD`;
  const places = MINOR_UNITS[row.currency as Currency];
  if (!/^\d+(\.\d+)?$/.test(row.amount)) return `amount '${row.amount}' is not a plain number such as 812.40`;
  return dec(row.amount).decimalPlaces() > places ? `amount '${row.amount}' has more than ${places} decimals` : undefined;
}

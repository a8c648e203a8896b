/**
 * Runs the business rules: each rule's visitors are collected once, then the
 * repository is walked once, calling every rule's visitor for each record,
 * folder and the repository as a whole. A finding becomes a located Problem
 * with the rule's id and severity and its message filled in.
 */
import type { LoadedFile } from '../load/index.js';
import { joinPointer } from '../load/pointer.js';
import { KINDS, type Kinds } from '../model/kinds.js';
import type { Item, Repository } from '../model/repository.js';
import type { Problem } from '../problem.js';
import type { RuleId } from './catalog.js';
import { formatMessage, type Rule, type Visitors } from './rule.js';

type Visit = (...args: unknown[]) => void;

export function runRules(
  rules: readonly Rule<string, RuleId>[],
  repo: Repository,
  asOf: string,
  files: ReadonlyMap<string, LoadedFile>,
  kinds: Kinds = KINDS,
): Problem[] {
  const problems: Problem[] = [];
  const visitors: Visitors[] = rules.map((rule) =>
    rule.create({
      repo,
      asOf,
      textOf: (file) => files.get(file)?.text,
      report({ at, path = [], messageId, data, key }) {
        const pointer = joinPointer(at.pointer, ...path);
        const position = files.get(at.file)?.positions.locate(pointer, key) ?? { line: 1, column: 1 };
        const message = formatMessage(rule.meta.messages[messageId], data);
        problems.push({
          file: at.file,
          ...position,
          rule: rule.meta.id,
          severity: rule.meta.severity,
          message,
          pointer,
          messageId,
        });
      },
    }),
  );
  // Each visitor name's functions, gathered once: a record is offered only to the rules that visit its kind.
  const byName = new Map<string, Visit[]>();
  for (const v of visitors)
    for (const [name, visit] of Object.entries(v) as [string, Visit][])
      byName.set(name, [...(byName.get(name) ?? []), visit]);
  const call = (name: string, a?: unknown, b?: unknown) => {
    for (const visit of byName.get(name) ?? []) visit(a, b);
  };
  // Each owner's kinds of records, with the visitors of each (looked up once, not once per record).
  const recordsOf = (owner: 'root' | 'partner' | 'grant') =>
    Object.values(kinds)
      .filter((spec) => spec.owner === owner && byName.has(spec.item))
      .map((spec) => ({ field: spec.field, visits: byName.get(spec.item)! }));
  const [rootRecords, partnerRecords, grantRecords] = [recordsOf('root'), recordsOf('partner'), recordsOf('grant')];
  const visitRecords = (records: typeof rootRecords, holder: Record<string, unknown>, ownerArg: unknown) => {
    for (const { field, visits } of records) {
      const held = holder[field] as Item<unknown> | Item<unknown>[] | undefined;
      if (Array.isArray(held)) for (const item of held) for (const visit of visits) visit(item, ownerArg);
      else if (held) for (const visit of visits) visit(held, ownerArg);
    }
  };
  call('repository', repo);
  visitRecords(rootRecords, repo, repo);
  for (const p of repo.partners) {
    call('partnerFolder', p);
    visitRecords(partnerRecords, p, p);
  }
  for (const g of repo.grants) {
    call('grantFolder', g);
    visitRecords(grantRecords, g, g);
  }
  call('end');
  return problems;
}

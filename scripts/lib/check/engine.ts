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
  // Records of each kind, with their owner.
  const visited = Object.values(kinds).filter((spec) => byName.has(spec.item));
  const visitRecords = (owner: 'root' | 'partner' | 'grant', holder: Record<string, unknown>, ownerArg: unknown) => {
    for (const spec of visited) {
      if (spec.owner !== owner) continue;
      const held = holder[spec.field] as Item<unknown> | Item<unknown>[] | undefined;
      for (const item of Array.isArray(held) ? held : held ? [held] : []) call(spec.item, item, ownerArg);
    }
  };
  call('repository', repo);
  visitRecords('root', repo, repo);
  for (const p of repo.partners) {
    call('partnerFolder', p);
    visitRecords('partner', p, p);
  }
  for (const g of repo.grants) {
    call('grantFolder', g);
    visitRecords('grant', g, g);
  }
  call('end');
  return problems;
}

/**
 * The check stage: load every file, validate each against its schema, build
 * the repository from the valid ones and run the business rules over it.
 */
import { loadFiles, type LoadedFile } from '../load/index.js';
import type { DataSource } from '../load/source.js';
import { KINDS, type Kinds } from '../model/kinds.js';
import { buildRepository, type Repository } from '../model/repository.js';
import { compareProblems, type Problem } from '../problem.js';
import { runRules } from './engine.js';
import type { RuleId } from './catalog.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { describeSchemaErrors } from './schema-problems.js';
import { schemaFor } from './schemas.js';

export interface CheckResult {
  problems: Problem[];
  repo: Repository;
  files: ReadonlyMap<string, LoadedFile>;
}

export interface CheckOptions {
  /** The date the "now"-relative warnings are judged at. */
  asOf: string;
  /** The record kinds (a test may add one). */
  kinds?: Kinds;
  /** The business rules (a test may run one alone). */
  rules?: readonly Rule<string, RuleId>[];
  /**
   * false: the caller shows errors only (the figure commands), so the rules
   * whose findings are warnings are not run and nothing is located for them.
   */
  warnings?: boolean;
}

export async function checkData(source: DataSource, options: CheckOptions): Promise<CheckResult> {
  const kinds = options.kinds ?? KINDS;
  const loaded = await loadFiles(source, kinds);
  const problems = [...loaded.problems];
  const files = new Map(loaded.files.map((f) => [f.path, f]));
  const valid: LoadedFile[] = [];
  for (const f of loaded.files) {
    if (f.data === undefined) continue;
    const validate = schemaFor(f.placement.kind, kinds);
    if (validate(f.data)) {
      valid.push(f);
      continue;
    }
    for (const finding of describeSchemaErrors(validate.errors ?? [])) {
      const at = f.positions.locate(finding.pointer, finding.key);
      problems.push({
        file: f.path,
        ...at,
        rule: finding.rule,
        severity: 'error',
        message: finding.message,
        pointer: finding.pointer,
      });
    }
  }
  const repo = buildRepository(valid, loaded.paths, kinds);
  const rules = (options.rules ?? RULES).filter((r) => options.warnings !== false || r.meta.severity === 'error');
  problems.push(...runRules(rules, repo, options.asOf, files, kinds));
  return { problems: problems.sort(compareProblems), repo, files };
}

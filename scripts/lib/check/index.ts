/**
 * The check stage: load every file, validate each against its schema, build
 * the repository from the valid ones and run the business rules over it.
 */
import { loadFiles, type LoadedFile } from '../load/index.js';
import { joinPointer } from '../load/pointer.js';
import type { DataSource } from '../load/source.js';
import { buildRepository, type Repository } from '../model/repository.js';
import { compareProblems, type Problem } from '../problem.js';
import type { Report } from './rule.js';
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
}

export async function checkData(source: DataSource, options: CheckOptions): Promise<CheckResult> {
  const loaded = await loadFiles(source);
  const problems = [...loaded.problems];
  const files = new Map(loaded.files.map((f) => [f.path, f]));
  const valid: LoadedFile[] = [];
  for (const f of loaded.files) {
    if (f.data === undefined) continue;
    const validate = schemaFor(f.placement.kind);
    if (validate(f.data)) {
      valid.push(f);
      continue;
    }
    for (const finding of describeSchemaErrors(validate.errors ?? [])) {
      const at = f.positions.locate(finding.pointer, finding.key);
      problems.push({ file: f.path, ...at, rule: finding.rule, severity: 'error', message: finding.message, pointer: finding.pointer });
    }
  }
  const repo = buildRepository(valid, loaded.paths);
  for (const rule of RULES) {
    const report: Report = (place, path, message, opts) => {
      const pointer = joinPointer(place.pointer, ...path);
      const at = files.get(place.file)?.positions.locate(pointer, opts?.key) ?? { line: 1, column: 1 };
      problems.push({ file: place.file, ...at, rule: rule.meta.id, severity: rule.meta.severity, message, pointer });
    };
    rule.check({ repo, asOf: options.asOf }, report);
  }
  return { problems: problems.sort(compareProblems), repo, files };
}

/**
 * npm run bench — measures the commands on synthetic data of 100, 1,000 and
 * 10,000 partners against the bare floor of SPEC-3 F (a plain `node` process
 * reading and parsing every file with js-yaml's core schema, nothing else:
 * bench/floor.mjs) and a reference validator (ajv-cli, schema part only), and
 * writes bench/results.md. The commands run as their npm scripts run them
 * (bin/run.mjs, from the build in dist/, made first). The floor and the
 * commands run side by side, alternating, several times; each cell is the
 * median.
 *
 *   npm run bench                               all sizes
 *   npm run bench -- --sizes 100,1000 --runs 5  some sizes, more runs
 *   npm run bench -- generate --partners N --seed S --out DIR
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand, runCommand, UsageError } from '../scripts/lib/cli.js';
import { DATA_FOLDERS, ROOT_FILES } from '../scripts/lib/load/layout.js';
import { dataSize } from './data-size.js';
import { BENCH_AS_OF, generate } from './generate.js';
import { historyBench } from './history-bench.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = join(ROOT, 'bench/data');
const RUSAGE = join(ROOT, 'bench/rusage.cjs');

interface Run {
  seconds: number;
  peakMiB: number;
  ok: boolean;
}

function measure(command: string, args: string[], okCodes = [0]): Run {
  const out = join(mkdtempSync(join(tmpdir(), 'ops-bench-')), 'rusage');
  const started = performance.now();
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: `--require ${RUSAGE} --max-old-space-size=4096`, BENCH_RUSAGE_OUT: out },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const peaks = existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').map(Number) : [0];
  return { seconds, peakMiB: Math.max(...peaks) / 1024, ok: okCodes.includes(r.status ?? -1) };
}

/** A command as its npm script runs it. */
const command = (name: string, ...args: string[]) => measure(process.execPath, ['bin/run.mjs', name, ...args]);
/** The bare floor over the files the commands read (the kinds table's root files and data folders). */
const bareFloor = (dir: string) =>
  measure(process.execPath, ['bench/floor.mjs', dir, ROOT_FILES.join(','), DATA_FOLDERS.join(',')]);

const AJV_KINDS: [string, string][] = [
  ['contract', 'partners/*/contracts/*.yaml'],
  ['invoices', 'partners/*/invoices.yaml'],
  ['cloud-costs', 'partners/*/cloud-costs.yaml'],
  ['usage', 'partners/*/usage.yaml'],
  ['feedback', 'partners/*/feedback.yaml'],
  ['deliverables', 'grants/*/deliverables.yaml'],
  ['recurring-costs', 'costs/recurring.yaml'],
];

/** ajv-cli, one run per file kind (YAML files only: it cannot read front matter), times added up. */
function reference(dir: string): Run {
  const runs = AJV_KINDS.map(
    ([kind, glob]) =>
      measure(
        process.execPath,
        [
          join(ROOT, 'node_modules/ajv-cli/dist/index.js'),
          'validate',
          '--spec=draft2020',
          '-c',
          'ajv-formats',
          '--errors=no',
          '-s',
          `schemas/${kind}.schema.json`,
          '-r',
          'schemas/defs.schema.json',
          '-d',
          join(dir, glob),
        ],
        [0, 1],
      ), // 1: files it judged invalid (see the note on dates)
  );
  return {
    seconds: runs.reduce((s, r) => s + r.seconds, 0),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    ok: runs.every((r) => r.ok),
  };
}

async function dataset(partners: number, seed: number): Promise<{ dir: string; files: number; mb: number }> {
  const dir = join(DATA, `${partners}-${seed}`);
  // Made again when the generator changed since (the stamp holds a hash of its text).
  const stamp = join(dir, '.generated');
  const version = createHash('sha256')
    .update(readFileSync(join(ROOT, 'bench/generate.ts')))
    .digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
    generate({ partners, seed, out: dir });
    writeFileSync(stamp, version);
  }
  const { files, bytes } = await dataSize(dir);
  return { dir, files, mb: bytes / 1e6 };
}

/** The median run of each command, the commands run in turn `runs` times (so a slow spell hits them all alike). */
function sideBySide<K extends string>(runs: number, commands: Record<K, () => Run>): Record<K, Run> {
  const all = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<K, Run[]>;
  for (let i = 0; i < runs; i++) for (const k of Object.keys(commands) as K[]) all[k].push(commands[k]());
  const median = (xs: Run[]): Run => {
    const sorted = [...xs].sort((a, b) => a.seconds - b.seconds);
    return { ...sorted[(sorted.length - 1) >> 1], ok: xs.every((r) => r.ok) };
  };
  return Object.fromEntries(Object.entries<Run[]>(all).map(([k, xs]) => [k, median(xs)])) as Record<K, Run>;
}

const text = (value: string, help: string) => ({ type: 'string', value, help }) as const;

const SPEC = {
  name: 'bench',
  summary:
    'Measures validate, metrics and report on synthetic data against the floor (reading and parsing every ' +
    'file, nothing else) and ajv-cli, and writes bench/results.md. Takes minutes.',
  usage: '[--sizes N,N,…] [--runs N] [--seed S]   |   generate --partners N [--seed S] --out DIR',
  actions: ['generate     --partners N [--seed S] --out DIR   writes synthetic data only (see generate --help)'],
  options: {
    sizes: text('N,N,…', 'the numbers of partners to measure (default: 100,1000,10000)'),
    runs: text('N', 'runs of each command per size (default: 5, 3 at 10,000 partners)'),
    seed: text('S', 'the seed of the synthetic data (default: 1)'),
  },
} as const;

const GENERATE_SPEC = {
  name: 'bench',
  summary: 'Writes synthetic data (partners with contracts, invoices, costs and usage) to a folder.',
  usage: 'generate --partners N [--seed S] --out DIR',
  options: {
    partners: text('N', 'how many partners'),
    seed: SPEC.options.seed,
    out: text('DIR', 'the folder to write to'),
  },
} as const;

/** A whole number of at least 1, or the fallback when not given. */
function positive(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new UsageError(`say how many: --${name} N (see npm run bench -- generate --help)`);
  if (!/^[1-9]\d*$/.test(value ?? '')) throw new UsageError(`--${name} must be a whole number from 1 (got '${value}')`);
  return Number(value);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'generate') {
    const values = parseCommand(GENERATE_SPEC, argv.slice(1));
    if (!values.out) throw new UsageError(`say where to write: npm run bench -- ${GENERATE_SPEC.usage}`);
    const partners = positive('partners', values.partners);
    const { files } = generate({ partners, seed: positive('seed', values.seed, 1), out: values.out });
    console.log(`wrote ${files} files to ${values.out}`);
    return 0;
  }
  const values = parseCommand(SPEC, argv);
  const sizes = (values.sizes ?? '100,1000,10000').split(',').map((n) => positive('sizes', n));
  const seed = positive('seed', values.seed, 1);
  const runsAt = (n: number) => positive('runs', values.runs, n >= 10000 ? 3 : 5);
  // The commands measured as a person runs them: from the bundle, built from the sources as they are.
  if (spawnSync(process.execPath, ['bin/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0)
    throw new Error('npm run build failed: the commands cannot be measured from their bundle');
  const rows: string[] = [];
  for (const n of sizes) {
    const { dir, files, mb } = await dataset(n, seed);
    // reports/ in a folder of its own, as in a repository: the report lists the folder beside its output (for what
    // a killed run left), and the system's temporary folder may hold thousands of entries.
    const outParent = mkdtempSync(join(tmpdir(), 'ops-bench-report-'));
    const out = join(outParent, 'reports');
    console.error(`${n} partners: ${files} files, ${mb.toFixed(1)} MB, ${runsAt(n)} runs`);
    const { floor, validate, metrics, report } = sideBySide(runsAt(n), {
      floor: () => bareFloor(dir),
      validate: () => command('validate', '--root', dir, '--as-of', BENCH_AS_OF, '--format', 'json'),
      metrics: () => command('metrics', '--root', dir, '--as-of', BENCH_AS_OF),
      report: () => command('report', '--root', dir, '--as-of', BENCH_AS_OF, '--out', out),
    });
    const ajv = reference(dir);
    rmSync(outParent, { recursive: true, force: true });
    const all = { floor, validate, metrics, report, ajv };
    for (const [name, r] of Object.entries(all)) if (!r.ok) throw new Error(`${name} failed on ${n} partners`);
    const cell = (r: Run) => `${r.seconds.toFixed(2)} s / ${Math.round(r.peakMiB)} MiB`;
    rows.push(
      `| ${n.toLocaleString('en')} | ${files.toLocaleString('en')} | ${mb.toFixed(1)} | ${cell(floor)} | ` +
        `${cell(validate)} | ${cell(metrics)} | ${cell(report)} | ${cell(ajv)} | ` +
        `${(validate.seconds / floor.seconds).toFixed(2)} | ${(report.seconds / floor.seconds).toFixed(2)} | ` +
        `${(validate.seconds / ajv.seconds).toFixed(2)} | ${((report.seconds / n) * 1000).toFixed(2)} s |`,
    );
    console.error(rows[rows.length - 1]);
  }
  const h = await historyBench();
  const runsSaid = sizes.map((n) => `${runsAt(n)} times at ${n.toLocaleString('en')}`).join(', ');
  const cpu = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const text = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\`. Machine: ${cpu}, Node ${process.version}. ` +
      `Synthetic data from \`bench/generate.ts\` (seed ${seed}), as of ${BENCH_AS_OF}; ` +
      'MB is the bytes the data files hold. Each cell: wall time of the whole process ' +
      '(start-up included; the commands as `npm run` runs them, from the build in dist/) / its peak resident memory; ' +
      `the floor and the three commands ran in turn, ${runsSaid}, and each cell is the median run.`,
    '',
    '- **floor**: the bare floor of SPEC-3 F, `bench/floor.mjs`: a plain `node` process (no TypeScript loader) ' +
      "that reads every data file and parses it with js-yaml's core schema, front matter split by a regular " +
      'expression, nothing else. The targets: at 100 partners validate ≤ 3× and report ≤ 5× the floor; at ' +
      '1,000, ≤ 2.5× and ≤ 4×; at 10,000, report ≤ 5× and under 1 GB.',
    '- **validate**, **metrics**, **report**: the commands, `report` writing every report to a temporary folder.',
    '- **ajv-cli**: the reference validator on the schema part only, over the YAML files ' +
      '(not the Markdown front matter), one run per file kind, times added up. ' +
      'It parses with js-yaml, which turns dates into timestamps that the schemas refuse: ' +
      'it stops at the first error of each file.',
    '',
    '| partners | files | MB | floor | validate | metrics | report | ajv-cli | validate / floor | report / floor ' +
      '| validate / ajv-cli | report per 1,000 partners |',
    '|---:|---:|---:|---|---|---|---|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `History figures on ${h.commits.toLocaleString('en')} commits touching ${h.files} files ` +
      `(${h.changes.toLocaleString('en')} file changes): ${h.gitLogRuns} \`git log\` pass, ` +
      `${h.ms.toFixed(0)} ms for reading it and computing last-updated and recent changes.`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench/results.md'), text);
  process.stdout.write(text);
  return 0;
}

runCommand(main);

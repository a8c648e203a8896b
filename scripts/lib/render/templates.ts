/**
 * Handlebars, set up for Markdown: every value a template places is a string
 * the view builder already made safe (see markdown.ts), so HTML escaping is
 * off; strict mode turns a misspelt field into an error instead of a blank;
 * prototype access stays forbidden.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_ROOT } from '../tool-root.js';
import Handlebars from 'handlebars';

export const TEMPLATE_DIR = join(TOOL_ROOT, 'templates/');

type Template = (view: object) => string;

/**
 * Copied for each compile: Handlebars adds its own fields to the options it is given. The templates use no
 * helpers but the built-in ones (if, each, unless): `knownHelpersOnly` makes each `{{field}}` a plain lookup
 * instead of first looking for a helper of that name (the same text, ~15 % less time rendering partner pages).
 */
const OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true } as const;

let compiled: Map<string, Template> | undefined;

function load(): Map<string, Template> {
  const hbs = Handlebars.create();
  const partialDir = join(TEMPLATE_DIR, 'partials');
  const partials = readdirSync(partialDir)
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => [f.replace(/\.hbs$/, ''), readFileSync(join(partialDir, f), 'utf8')] as const);
  const templates = readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.md.hbs'))
    .map(
      (f) =>
        [f.replace(/\.md\.hbs$/, ''), inlinePartials(readFileSync(join(TEMPLATE_DIR, f), 'utf8'), partials)] as const,
    );
  const specs = precompiled(
    [...partials.map(([n, t]) => [`partials/${n}`, t] as const), ...templates],
    join(TEMPLATE_DIR, '..', 'node_modules', '.cache', 'report-templates'),
  );
  for (const [name] of partials) hbs.registerPartial(name, hbs.template(specs.get(`partials/${name}`)!));
  const out = new Map<string, Template>();
  for (const [name] of templates) {
    const template = hbs.template(specs.get(name)!);
    out.set(name, (view) =>
      template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
    );
  }
  return out;
}

/**
 * Each partial that stands on a line of its own at the start of a line (`{{> header}}`, the first line of every
 * report) written into the template in its place, when the partial ends its last line as a template line does:
 * the same text as Handlebars' standalone partial, without a partial call (its lookup, options and set-up) on
 * each of the 1,000 partner pages. Any other use of a partial is left to Handlebars.
 */
export function inlinePartials(text: string, partials: readonly (readonly [string, string])[]): string {
  const byName = new Map(partials);
  return text.replace(/^\{\{> ?([\w-]+) ?\}\}\n/gm, (tag, name: string) => {
    const partial = byName.get(name);
    return partial?.endsWith('\n') ? partial : tag;
  });
}

type Spec = Parameters<typeof Handlebars.template>[0];

/**
 * Each template as Handlebars compiles it, kept between runs: compiling the
 * templates took about 0.3 s of every report (more than rendering a thousand
 * partner pages), loading them compiled about 0.05 s. The file is named by a
 * hash of the Handlebars version, the options and every template's text, so
 * an edited template is compiled again, never served stale; it sits in
 * node_modules/.cache (as trusted as the code it runs beside), and where
 * that cannot be written the templates are simply compiled each run.
 */
export function precompiled(sources: readonly (readonly [string, string])[], dir: string): Map<string, Spec> {
  const key = createHash('sha256')
    .update(JSON.stringify([Handlebars.VERSION, OPTIONS, sources]))
    .digest('hex')
    .slice(0, 32);
  const file = join(dir, `${key}.json`);
  let code: Record<string, string> | undefined;
  try {
    code = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // Not compiled yet (or unreadable): compile below.
  }
  if (!code || sources.some(([name]) => typeof code![name] !== 'string')) {
    code = Object.fromEntries(
      sources.map(([name, text]) => [name, Handlebars.precompile(text, { ...OPTIONS }) as string]),
    );
    saveQuietly(dir, file, JSON.stringify(code));
  }
  const generated = code;
  // Handlebars' own compile turns the same generated code into functions the same way.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Map(sources.map(([name]) => [name, (new Function(`return ${generated[name]};`) as () => Spec)()]));
}

/**
 * Writes the cache through a temporary file and a rename (two runs at once each write a whole file), and removes
 * the files of templates as they were over a day ago (another checkout sharing node_modules keeps its own); never
 * fails.
 */
function saveQuietly(dir: string, file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, file);
    const dayAgo = Date.now() - 86_400_000;
    for (const old of readdirSync(dir).map((f) => join(dir, f)))
      if (old !== file && statSync(old).mtimeMs < dayAgo) rmSync(old, { force: true });
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // No folder to leave a temporary file in.
    }
  }
}

export function render(name: string, view: object): string {
  compiled ??= load();
  const template = compiled.get(name);
  if (!template) throw new Error(`no template templates/${name}.md.hbs`);
  // One trailing newline, no runs of blank lines left by empty sections.
  return (
    template(view)
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

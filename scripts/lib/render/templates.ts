/**
 * Handlebars, set up for Markdown: every value a template places is a string
 * the view builder already made safe (see markdown.ts), so HTML escaping is
 * off; strict mode turns a misspelt field into an error instead of a blank;
 * prototype access stays forbidden.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_ROOT } from '../tool-root.js';
import Handlebars from 'handlebars';

export const TEMPLATE_DIR = join(TOOL_ROOT, 'templates/');

type Template = (view: object) => string;

let compiled: Map<string, Template> | undefined;

function load(): Map<string, Template> {
  const hbs = Handlebars.create();
  const partialDir = join(TEMPLATE_DIR, 'partials');
  for (const f of readdirSync(partialDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(join(partialDir, f), 'utf8'));
  }
  const out = new Map<string, Template>();
  for (const f of readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.md.hbs'))) {
    const template = hbs.compile(readFileSync(join(TEMPLATE_DIR, f), 'utf8'), { strict: true, noEscape: true });
    out.set(f.replace(/\.md\.hbs$/, ''), (view) =>
      template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
    );
  }
  return out;
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

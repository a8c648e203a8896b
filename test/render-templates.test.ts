import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { inlinePartials, precompiled, TEMPLATE_DIR } from '../scripts/lib/render/templates.js';
import { tempDir } from './helpers/fixtures.js';

/** A compiled template's output, as render calls it. */
const run = (specs: ReturnType<typeof precompiled>, name: string, view: object) => {
  const hbs = Handlebars.create();
  return hbs.template(specs.get(name)!)(view);
};

describe('compiled templates kept between runs', () => {
  it('compiles on the first run, reads the kept code on the next, and renders the same', () => {
    const dir = join(tempDir(), 'cache');
    const sources = [['hello', 'Hello {{name}} & {{{name}}}\n']] as const;
    const first = precompiled(sources, dir);
    expect(run(first, 'hello', { name: 'Ada <b>' })).toBe('Hello Ada <b> & Ada <b>\n');
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^[0-9a-f]{32}\.json$/);
    // The next run uses the kept code: a spec swapped into the file is what renders.
    const kept = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
    const other = Handlebars.precompile('Bye {{name}}', { strict: true, noEscape: true }) as string;
    writeFileSync(join(dir, file), JSON.stringify({ ...kept, hello: other }));
    expect(run(precompiled(sources, dir), 'hello', { name: 'Ada' })).toBe('Bye Ada');
  });

  it('compiles an edited template again instead of using the code kept for its old text', () => {
    const dir = join(tempDir(), 'cache');
    precompiled([['t', 'old {{x}}']], dir);
    expect(run(precompiled([['t', 'new {{x}}']], dir), 't', { x: 1 })).toBe('new 1');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('compiles each run when the kept file is unreadable or the folder cannot be written', () => {
    const dir = join(tempDir(), 'cache');
    precompiled([['t', '{{x}}!']], dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{ not json');
    expect(run(precompiled([['t', '{{x}}!']], dir), 't', { x: 2 })).toBe('2!');
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    expect(run(precompiled([['t', '{{x}}?']], join(blocked, 'cache')), 't', { x: 3 })).toBe('3?');
  });

  it('keeps strict mode: a misspelt field is an error, not a blank', () => {
    const specs = precompiled([['t', '{{nmae}}']], join(tempDir(), 'cache'));
    expect(() => run(specs, 't', { name: 'x' })).toThrow(/"nmae" not defined/);
  });
});

describe('partials written into the templates', () => {
  /** The text Handlebars gives with the partial called, and with it written in by inlinePartials. */
  const both = (template: string, partial: string, view: object) => {
    const hbs = Handlebars.create();
    hbs.registerPartial('header', partial);
    const options = { strict: true, noEscape: true, knownHelpersOnly: true };
    return [
      hbs.compile(template, options)(view),
      hbs.compile(inlinePartials(template, [['header', partial]]), options)(view),
    ];
  };

  it("give every report's text as the partial call does, its own header included", () => {
    const header = readFileSync(join(TEMPLATE_DIR, 'partials', 'header.hbs'), 'utf8');
    const view = { header: { title: 'T', organization: 'O', asOf: 'D', revision: 'r', amounts: 'a', up: '../' } };
    for (const home of ['', '../README.md'])
      for (const rest of ['', '\n', '\nBody {{header.title}}\n', '{{#if header.home}}\nx\n{{/if}}\n']) {
        const [called, written] = both(`{{> header}}\n${rest}`, header, { header: { ...view.header, home, net: '' } });
        expect(written).toBe(called);
      }
    for (const partial of ['{{#if x}}\nyes\n{{/if}}\n', 'a\n  {{x}}\n', 'line\n']) {
      const [called, written] = both('{{> header}}\n{{#if x}}\nafter\n{{/if}}\n', partial, { x: 'X' });
      expect(written).toBe(called);
    }
  });

  it('leaves to Handlebars a partial indented, inside a line, or without a last newline', () => {
    const partials = [['header', 'h\n']] as const;
    expect(inlinePartials('  {{> header}}\nx {{> header}}\n', partials)).toBe('  {{> header}}\nx {{> header}}\n');
    expect(inlinePartials('{{> header}}\n', [['header', 'h']])).toBe('{{> header}}\n');
    expect(inlinePartials('{{> other}}\n{{> header}}\n', partials)).toBe('{{> other}}\nh\n');
  });
});

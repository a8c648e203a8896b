/**
 * The bare floor (SPEC-3 F): a plain `node` process, no TypeScript loader,
 * that reads every data file and parses it with js-yaml's core schema, front
 * matter split by a regular expression. Nothing that reads every file can be
 * faster, so the commands are measured as multiples of it.
 *
 *   node bench/floor.mjs DIR ROOT_FILE,… DATA_FOLDER,…
 *
 * The bench passes the root files and data folders of the kinds table, so the
 * floor reads exactly the files the commands read.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const [root, rootFiles = '', folders = ''] = process.argv.slice(2);
let files = 0;

function parse(path) {
  const text = readFileSync(join(root, path), 'utf8');
  const yamlText = path.endsWith('.md') ? (FRONT_MATTER.exec(text)?.[1] ?? '') : text;
  jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
  files++;
}

function walk(dir) {
  let names;
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const path = `${dir}/${name}`;
    if (lstatSync(join(root, path)).isDirectory()) walk(path);
    else if (/\.(ya?ml|md)$/.test(name) && name !== 'README.md') parse(path);
  }
}

for (const file of rootFiles.split(',').filter(Boolean)) {
  try {
    parse(file);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
for (const folder of folders.split(',').filter(Boolean)) walk(folder);
process.stdout.write(`${files} files parsed\n`);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../scripts/lib/render/generated-docs.js';
import { REPO_ROOT } from './helpers/fixtures.js';

describe('generated docs', () => {
  it.each(Object.keys(GENERATED_DOCS))('%s is up to date (run npm run docs)', async (path) => {
    expect(readFileSync(join(REPO_ROOT, path), 'utf8')).toBe(await GENERATED_DOCS[path]());
  });
});

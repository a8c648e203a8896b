/** The docs files derived from code; `npm run docs` writes them and a test keeps them fresh. */
import { renderChecksDoc } from './checks-doc.js';
import { renderDataDictionary } from './data-dictionary.js';
import { renderFiguresDoc } from './figures-doc.js';

export const GENERATED_DOCS: Record<string, () => string | Promise<string>> = {
  'docs/checks.md': renderChecksDoc,
  'docs/data-dictionary.md': renderDataDictionary,
  'docs/figures.md': renderFiguresDoc,
};

/** The docs files derived from code; `npm run docs` writes them and a test keeps them fresh. */
import { renderChecksDoc } from './checks-doc.js';

export const GENERATED_DOCS: Record<string, () => string | Promise<string>> = {
  'docs/checks.md': renderChecksDoc,
};

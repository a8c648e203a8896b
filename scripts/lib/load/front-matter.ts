/** Markdown with YAML front matter: the front matter is the record, the rest is notes. */
import matter from 'gray-matter';

export interface FrontMatterSplit {
  /**
   * The YAML between the two '---' lines, starting right after the opening
   * '---' so that its line numbers are the file's line numbers.
   */
  yaml: string | undefined;
  body: string;
  fault?: string;
}

// gray-matter only splits here; the YAML is parsed by the same code as every
// other file so that positions, dates and faults are handled once.
const SPLIT_ONLY = { engines: { yaml: () => ({}) }, language: 'yaml' } as const;

export function splitFrontMatter(text: string): FrontMatterSplit {
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return {
      yaml: undefined,
      body: text,
      fault: "the file must start with a front matter block: a line '---', the fields, and another line '---'",
    };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    return {
      yaml: undefined,
      body: text,
      fault: "the front matter block is not closed: add a line '---' after the last field",
    };
  }
  const file = matter(text, SPLIT_ONLY as never);
  return { yaml: file.matter, body: file.content };
}

/** Markdown with YAML front matter: the front matter is the record, the rest is notes. */

export interface FrontMatterSplit {
  /**
   * The YAML between the two '---' lines, starting right after the opening
   * '---' so that its line numbers are the file's line numbers.
   */
  yaml: string | undefined;
  body: string;
  fault?: string;
}

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
  // Split as gray-matter splits (test/front-matter.test.ts holds the two together), without its copy of
  // every file into a Buffer: the YAML runs from after the opening '---' to the first line starting '---'.
  const rest = text.slice(3);
  const close = rest.indexOf('\n---');
  const yaml = rest.slice(0, close);
  let body = rest.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  return { yaml, body };
}

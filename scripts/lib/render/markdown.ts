/**
 * Making data safe to show in Markdown on github.com: no table is broken, no
 * HTML injected, no link forged, nobody @-mentioned.
 */

/**
 * An email address as people write them: only characters that mean nothing in
 * Markdown or a table (no backtick, no pipe), so it can sit in a code span as is.
 */
const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_{}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Defuses `@` without an invisible character (SPEC-3 R13: an address must
 * stay copyable): GitHub makes no mention inside a code span, so an email
 * address becomes a code span, byte for byte (`escape` makes the rest safe,
 * any other `@` a code span of its own).
 */
function atSigns(text: string, escape: (rest: string) => string): string {
  // Most text has no @ at all: no address to look for (the same result, without the search).
  if (!text.includes('@')) return escape(text);
  let out = '';
  let from = 0;
  for (const m of text.matchAll(EMAIL)) {
    out += escape(text.slice(from, m.index)) + `\`${m[0]}\``;
    from = m.index + m[0].length;
  }
  return out + escape(text.slice(from));
}

/**
 * Every character md() changes: a control or line-separating character, `\`, `&`, `<`, `>`, `|`, a Markdown
 * marker or `@`. Text without any (most names, ids and labels) is already safe as it is.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\u2028\u2029\\&<>|*_`[\]#~!{}@]/;

/** Text from the data, for a table cell or a line of prose. */
export function md(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return atSigns(
    // eslint-disable-next-line no-control-regex
    text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' '),
    escapeText,
  );
}

/** What md() does to the text outside email addresses. */
function escapeText(rest: string): string {
  return rest
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]#~!{}])/g, '\\$1')
    .replace(/@/g, '`@`');
}

/** A link to a web address from the data; anything but http(s) is shown as text, not linked. */
export function mdLink(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s<>"]+$/.test(url)) return md(label);
  return `[${md(label)}](${url.replace(/[()]/g, (c) => encodeURIComponent(c))})`;
}

/**
 * A partner's free notes are Markdown written by the team: kept as Markdown,
 * but without raw HTML, mentions or script links, and with headings nested
 * under the section that shows them.
 */
export function notesMarkdown(text: string): string {
  // Most notes are plain sentences, with none of the characters escapedNote looks for.
  if (!NOTES_UNSAFE.test(text)) return text.trim();
  return atSigns(escapedNote(text), (rest) => rest.replace(/@/g, '`@`'));
}

/** Every replace that makes a note safe, before its e-mail addresses are set apart (notesMarkdown). */
export function escapedNote(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/&(?![a-z]+;|#\d+;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // The link target may hold parentheses of its own (javascript:alert(1)): the whole of it goes.
      .replace(/\]\(\s*(javascript|data|vbscript):(?:[^()\s]|\([^()]*\))*\)/gi, '](#)')
      .replace(/^(#{1,4}) /gm, '$1### ')
      .replace(/\{\{/g, '{\u200b{')
      .trim()
  );
}

/** What notesMarkdown() may change: \r, &, <, >, a link's "](", a heading's #, "{{" and @. */
const NOTES_UNSAFE = /[\r&<>#{@]|\]\(/;

/** Up to 60 characters that mean nothing to Mermaid, single spaces between words and none at either end. */
const MERMAID_SAFE = /^[\p{L}\p{N}.,'()/&+-]+(?: [\p{L}\p{N}.,'()/&+-]+)*$/u;

/** Text for inside a Mermaid block, where quotes, colons and semicolons have meaning. */
export function mermaidText(text: string): string {
  // Most labels (months, titles) are already safe: kept as they are, the same as the replacements would leave them.
  if (text.length <= 60 && MERMAID_SAFE.test(text)) return text;
  return (
    text
      .replace(/[^\p{L}\p{N} .,'()/&+-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || '-'
  );
}

/**
 * A table's rows, "| a | b |" one a line, from cells already made safe: a partner page's tables are written by
 * the view as one text each, not as a list of objects the template walks with `each` (a thousand pages of up to
 * a hundred rows, where each cell placed by Handlebars was a strict lookup and a call; the same text).
 */
export function tableRows(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (let i = 0; i < rows.length; i++) out += `${i ? '\n' : ''}| ${rows[i].join(' | ')} |`;
  return out;
}

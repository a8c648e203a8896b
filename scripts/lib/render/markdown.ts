/**
 * Making data safe to show in Markdown on github.com: no table is broken, no
 * HTML injected, no link forged, nobody @-mentioned.
 */

/** Text from the data, for a table cell or a line of prose. */
export function md(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/([*_`[\]#~!{}])/g, '\\$1')
      // A zero-width space after @ keeps GitHub from turning it into a mention.
      .replace(/@/g, '@\u200b')
  );
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
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/&(?![a-z]+;|#\d+;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@/g, '@\u200b')
      // The link target may hold parentheses of its own (javascript:alert(1)): the whole of it goes.
      .replace(/\]\(\s*(javascript|data|vbscript):(?:[^()\s]|\([^()]*\))*\)/gi, '](#)')
      .replace(/^(#{1,4}) /gm, '$1### ')
      .replace(/\{\{/g, '{\u200b{')
      .trim()
  );
}

/** Text for inside a Mermaid block, where quotes, colons and semicolons have meaning. */
export function mermaidText(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N} .,'()/&+-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || '-'
  );
}

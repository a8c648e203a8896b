/**
 * The fast path of the loader: js-yaml, several times faster than `yaml` and
 * with far less garbage, resolving plain scalars exactly as yaml-schema.ts
 * does (YAML 1.2 core, plain decimal numbers only, dates as text). It gives
 * data only; a text it cannot read, or one using YAML that the two parsers
 * might read differently (tabs, anchors and aliases, tags, complex or null
 * keys, block scalars), goes to the located parser in yaml-text.ts, which also finds every
 * fault's line and column. A property test holds the two to the same values
 * and the same verdicts.
 */
import jsyaml from 'js-yaml';

// The same patterns as the `yaml` package's core schema (minus hex, octal, exponents, .inf and .nan).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * Which of the four a plain scalar is, tried in that order (null, bool, int, float) as the core schema tries
 * them; undefined for text. The first character rules out all but one or two of the patterns, so most
 * scalars (every key, every name or id) are told from it alone.
 */
function implicitKind(text: string): 'null' | 'bool' | 'int' | 'float' | undefined {
  if (text.length === 0) return 'null';
  const c = text[0];
  if (c === '~' || c === 'n' || c === 'N') return NULL.test(text) ? 'null' : undefined;
  if (c === 't' || c === 'T' || c === 'f' || c === 'F') return BOOL.test(text) ? 'bool' : undefined;
  if (c === '.') return FLOAT.test(text) ? 'float' : undefined;
  if ((c >= '0' && c <= '9') || c === '-' || c === '+')
    return INT.test(text) ? 'int' : FLOAT.test(text) ? 'float' : undefined;
  return undefined;
}

// One implicit type for the four: js-yaml offers every plain scalar to each implicit type in turn, so one
// type is one call per scalar instead of four. (Explicit tags such as !!int never reach js-yaml: UNUSUAL.)
const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:core-plain', {
      kind: 'scalar',
      resolve: (s: string | null) => implicitKind(s ?? '') !== undefined,
      construct: (s: string | null) => {
        const text = s ?? '';
        switch (implicitKind(text)) {
          case 'null':
            return null;
          case 'bool':
            return text[0] === 't' || text[0] === 'T';
          case 'int':
            return Number.parseInt(text, 10);
          default:
            return Number.parseFloat(text);
        }
      },
    }),
  ],
});

/**
 * Constructs the fast parser might read otherwise than the located one, or
 * that need its checks: tabs, anchors (&a) and aliases (*a), tags (!x),
 * explicit (? ) and collection keys ([a]: / {a}:), keys that are empty or
 * null (: x, ~: x), block scalars (| and >: js-yaml keeps a line break
 * an empty one should drop), a comment stuck to a closing quote or bracket
 * ('x'#, which js-yaml accepts and YAML forbids), a list entry holding only
 * a comment or nothing, more than one document; and quoted text or [ ] { }
 * collections running over several lines (js-yaml accepts continuation
 * lines that YAML forbids).
 */
export const UNUSUAL = new RegExp(
  [
    String.raw`\t`,
    // Alternatives that start alike share their start, so that the expression tries it once at each
    // character rather than once per alternative (~30 % less time over the 4,636 texts at 1,000 partners):
    // after a line start, space, [, { or ',': an anchor, alias or tag, or an empty or null key.
    String.raw`(?:^|[\s[{,])(?:[&*!]|(?:~|null|Null|NULL)?:(?:[\s,\]}]|$))`,
    // At a line start: an explicit key, a document marker, a list entry with nothing in it.
    String.raw`^(?:\s*(?:- )*\?(?:\s|$)|---|\.\.\.|[ ]*(?:-[ ]+)*-[ ]*$)`,
    // After a closing bracket: a collection key, or a stuck comment; after a closing quote, a stuck comment.
    String.raw`[\]}](?:\s*:(?:\s|$)|#)`,
    String.raw`['"]#`,
    String.raw`(?:^|\s)-[ ]+#`,
    String.raw`(?:^|[\s:-])[|>][-+0-9]*[ ]*(?:#.*)?$`,
  ].join('|'),
  'm',
);

/** The data of a YAML text, or undefined when the located parser must read it. */
export function parseFast(text: string): { data: unknown } | undefined {
  if (UNUSUAL.test(text) || !closesOnItsLine(text)) return undefined;
  try {
    const data = jsyaml.load(text, { schema: SCHEMA });
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

/**
 * True when every quoted scalar and every [ ] or { } collection ends on the
 * line it starts on. A quote opens a scalar only where a value can start
 * (line start, after ': ', '- ', '[', '{' or ','), so the apostrophe of
 * "it's" is not one; a '#' after white space outside quotes starts a comment.
 */
export function closesOnItsLine(text: string): boolean {
  if (!/["'[{]/.test(text)) return true;
  // Most lines hold no quote or bracket, or brackets opened and closed again with no quote, comment or
  // nesting (`- { month: 2026-01, hub: h1 }`): such a line closes. One pass of ODD_LINE finds the others,
  // and only they are walked character by character.
  ODD_LINE.lastIndex = 0;
  for (let m = ODD_LINE.exec(text); m !== null; m = ODD_LINE.exec(text)) {
    const start = m.index === 0 ? 0 : text.lastIndexOf('\n', m.index - 1) + 1;
    const newline = text.indexOf('\n', m.index);
    const end = newline === -1 ? text.length : newline;
    if (!lineCloses(text.slice(start, end))) return false;
    if (newline === -1) break;
    ODD_LINE.lastIndex = newline + 1;
  }
  return true;
}

/**
 * The start of a line that is not plain text with flat, closed brackets (no quote, no '#', no nesting). The
 * class leaves out every line terminator of `^` and `$`, so a lone CR only splits a line into two flat parts.
 */
const PLAIN = String.raw`[^\n\r\u2028\u2029"'#[\]{}]*`;
const ODD_LINE = new RegExp(String.raw`^(?!${PLAIN}(?:[[{]${PLAIN}[\]}]${PLAIN})*$)`, 'gm');

/** closesOnItsLine for one line. */
function lineCloses(line: string): boolean {
  // A line with no quote or bracket opens and closes nothing.
  if (!QUOTE_OR_BRACKET.test(line)) return true;
  let quote = '';
  let depth = 0;
  let last = ''; // the last character outside quotes that is not a space
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
    } else if (quote === "'") {
      if (c === "'" && line[i + 1] === "'") i++;
      else if (c === "'") quote = '';
    } else if (
      (c === '"' || c === "'") &&
      (last === '' || ':-[{,?'.includes(last)) &&
      (i === 0 || isSpace(line[i - 1]) || '[{,'.includes(line[i - 1]))
    ) {
      quote = c;
    } else if (c === '#' && (i === 0 || isSpace(line[i - 1]))) {
      break;
    } else if (!isSpace(c)) {
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      last = c;
    }
  }
  return !quote && depth === 0;
}

const QUOTE_OR_BRACKET = /["'[\]{}]/;

/** /\s/ for one character, without a regular expression for the printable ASCII that most text is. */
function isSpace(c: string): boolean {
  return c === ' ' || ((c < ' ' || c > '~') && /\s/.test(c));
}

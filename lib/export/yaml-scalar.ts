/**
 * YAML scalars for the Markdown export's front matter: every value on one
 * line, read back exactly by any YAML 1.1 or 1.2 reader (and by
 * lib/text/front-matter.ts), whatever the page put in it.
 */

/**
 * What a double-quoted value may not hold as it is: the quote and the
 * backslash; every character some YAML reader takes for a line break (LF,
 * CR, NEL U+0085, LS U+2028, PS U+2029: YAML 1.1 breaks on all five); the
 * other control characters (C0, DEL, C1), which YAML does not allow
 * unescaped; the byte order mark U+FEFF (a document marker to some readers)
 * and the noncharacters U+FFFE and U+FFFF; and lone surrogates, which are no
 * characters at all.
 */
const UNSAFE =
  /["\\\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** The short escapes YAML and JSON share. */
const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escape(ch: string): string {
  const short = SHORT[ch];
  if (short) return short;
  const c = ch.charCodeAt(0);
  // A lone surrogate cannot be written in YAML (or UTF-8): the replacement character stands in.
  if (c >= 0xd800 && c <= 0xdfff) return '\uFFFD';
  return `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `v` as a YAML double-quoted scalar on one line: `"` and `\` escaped, and
 * every line break (LF, CR, NEL, LS, PS), control character, BOM and
 * noncharacter written as an escape (`\n`, `\u2028`…), so that no value can
 * end the front matter (`---`), start a new YAML document or key, or be read
 * back different. Only escapes YAML and JSON share are used: the value is
 * also a JSON string. A lone surrogate becomes U+FFFD.
 */
export function yamlString(v: string): string {
  return `"${v.replace(UNSAFE, escape)}"`;
}

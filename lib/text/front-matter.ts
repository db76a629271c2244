/**
 * YAML front matter of a Markdown clipping (`---` … `---` at the very top),
 * read as flat `key: value` pairs — the shape web clippers write. Nested YAML
 * is ignored; no YAML library is needed for that. Quoted values are read as
 * YAML reads them (escapes included), so what the Markdown export writes
 * (lib/export/yaml-scalar.ts) reads back as it was, trimmed.
 */
import type { DocHints } from '../types.ts';

/** Front matter found at the top of a document. */
export interface FrontMatter {
  hints: DocHints;
  /** Offset just past the closing `---` line (where the body starts), 0 when none. */
  bodyStart: number;
}

/** YAML's one-letter escapes in a double-quoted scalar, by the character after the backslash. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** YAML's code escapes: `\xXX`, `\uXXXX`, `\UXXXXXXXX`, by their number of hex digits. */
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * The quoted scalar at the start of `t` (which starts with its quote), read
 * as YAML reads it: `''` in single quotes, every YAML escape in double quotes
 * (`\n`, `\"`, `\u2028`, `\L`…; JSON's escapes are among them). Its value and
 * the offset just past its closing quote, or null when it is not closed. An
 * escape YAML does not know is kept as written.
 */
function readQuoted(t: string): { value: string; end: number } | null {
  const quote = t[0];
  let out = '';
  for (let i = 1; i < t.length; i++) {
    const c = t[i]!;
    if (quote === "'") {
      if (c !== "'") out += c;
      else if (t[i + 1] === "'") {
        out += "'";
        i++;
      } else return { value: out, end: i + 1 };
      continue;
    }
    if (c === '"') return { value: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = t[i + 1] ?? '';
    const digits = HEX_ESCAPES[e];
    if (digits !== undefined) {
      const hex = t.slice(i + 2, i + 2 + digits);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
      if (code >= 0 && code <= 0x10ffff) {
        // A surrogate pair written as two \u escapes (JSON's way) joins up in `out`.
        out += String.fromCodePoint(code);
        i += 1 + digits;
        continue;
      }
    } else if (ESCAPES[e] !== undefined) {
      out += ESCAPES[e];
      i++;
      continue;
    }
    out += c;
  }
  return null;
}

/**
 * The value of a YAML scalar, trimmed: a quoted one unescaped (a comment
 * after it ignored), a plain one without its ` # comment`. A quote left open
 * (or followed by more than a comment) leaves the text as it is.
 */
function unquote(v: string): string {
  const t = v.trim();
  if (t[0] === '"' || t[0] === "'") {
    const q = readQuoted(t);
    if (q && /^\s*(?:#.*)?$/.test(t.slice(q.end))) return q.value.trim();
    return t;
  }
  return t.replace(/\s+#.*$/, '');
}

/** First item of a YAML flow list value (`[a, b]`, `["a, b", c]`), or the value itself. */
function firstItem(v: string): string {
  const t = v.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return unquote(t);
  const inner = t.slice(1, -1).trim();
  if (inner[0] === '"' || inner[0] === "'") {
    const q = readQuoted(inner);
    if (q) return q.value.trim();
  }
  return unquote(inner.split(',')[0] ?? '');
}

/**
 * Read front matter: `title` → title and docTitle, `author`/`authors`/`byline`
 * → byline, `source`/`url`/`link`/`source_url` → url (when it looks like a
 * URL), `site`/`site_name`/`siteName`/`publisher` → siteName.
 */
export function readFrontMatter(md: string): FrontMatter {
  const hints: DocHints = {};
  const bom = md.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!md.startsWith('---', bom) || !/^---[ \t]*\r?\n/.test(md.slice(bom, bom + 8))) {
    return { hints, bodyStart: 0 };
  }
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = bom + 3;
  const m = close.exec(md);
  if (!m) return { hints, bodyStart: 0 };
  const yaml = md.slice(bom + 3, m.index);
  let pendingList: string | null = null;
  for (const line of yaml.split(/\r?\n/)) {
    const item = /^\s*-\s+(.+)$/.exec(line);
    if (item && pendingList) {
      setHint(hints, pendingList, unquote(item[1]!));
      pendingList = null;
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!;
    if (value.trim() === '') pendingList = key;
    else setHint(hints, key, firstItem(value));
  }
  return { hints, bodyStart: m.index + m[0].length };
}

function setHint(hints: DocHints, key: string, value: string): void {
  if (value === '') return;
  switch (key) {
    case 'title':
      hints.title ??= value;
      hints.docTitle ??= value;
      break;
    case 'author':
    case 'authors':
    case 'byline':
      hints.byline ??= value;
      break;
    case 'source':
    case 'url':
    case 'link':
    case 'source_url':
    case 'original_url':
      if (/^https?:\/\//.test(value)) hints.url ??= value;
      else if (key === 'source') hints.siteName ??= value;
      break;
    case 'site':
    case 'site_name':
    case 'sitename':
    case 'publisher':
      hints.siteName ??= value;
      break;
  }
}

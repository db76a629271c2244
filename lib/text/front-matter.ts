/**
 * YAML front matter of a Markdown clipping (`---` … `---` at the very top),
 * read as flat `key: value` pairs — the shape web clippers write. Nested YAML
 * is ignored; no YAML library is needed for that.
 */
import type { DocHints } from '../types.ts';

/** Front matter found at the top of a document. */
export interface FrontMatter {
  hints: DocHints;
  /** Offset just past the closing `---` line (where the body starts), 0 when none. */
  bodyStart: number;
}

/** Strip one level of matching quotes from a YAML scalar. */
function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return t.slice(1, -1).trim();
  }
  return t;
}

/** First item of a YAML flow or block list value (`[a, b]`), or the value itself. */
function firstItem(v: string): string {
  const t = v.trim();
  if (t.startsWith('[') && t.endsWith(']')) return unquote(t.slice(1, -1).split(',')[0] ?? '');
  return unquote(t);
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

/**
 * File names for exported articles (bulk export to a zip or a folder): the
 * title kept readable, Chinese included, but safe on Windows, macOS and Linux
 * and unique within the export.
 */

/**
 * Most UTF-8 bytes in a file name, extension and ` (n)` suffix included.
 * ext4, APFS and NTFS stop at 255 (bytes, bytes, UTF-16 units); some zip
 * tools and encrypted home folders (eCryptfs: 143) allow less. 200 bytes — 66
 * Chinese characters — stays under every limit we found that matters for a
 * download folder and is still long enough to read a headline.
 */
export const MAX_NAME_BYTES = 200;

/**
 * Longest extension kept, in characters. Real ones (md, json, txt, html) are
 * short; the cap keeps a caller's mistake from eating the title's bytes.
 */
const MAX_EXT = 16;

/** The name used when a title has nothing left after cleaning. */
export const UNTITLED = '未命名';

/**
 * Characters Windows forbids in names, and `/` (everywhere), replaced by their
 * full-width forms, which every file system accepts and which read the same in
 * a Chinese title (：？ are what the title would use anyway).
 */
const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};

/** Names Windows reserves for devices, with or without an extension (CON, CON.md, com1.txt). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Invisible characters that can disguise a name (zero-width, bidi overrides, BOM). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;

/** The longest prefix of `s` within `max` UTF-8 bytes, never splitting a character. */
function cutBytes(s: string, max: number): string {
  // A UTF-16 code unit is at most 3 bytes in UTF-8: most names fit without counting.
  if (s.length * 3 <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = bytes(ch);
    if (n + b > max) break;
    out += ch;
    n += b;
  }
  return out;
}

/** Trims what Windows drops or hides: leading/trailing spaces and dots (a leading dot hides the file on Unix). */
const trimEnds = (s: string) => s.replace(/^[\s.]+|[\s.]+$/gu, '');

/** How two names compare on a case-insensitive, normalisation-insensitive file system (NTFS, APFS). */
const nameKey = (s: string) => s.normalize('NFC').toLowerCase();

/** A title cleaned into a file-name stem, not yet shortened. */
function cleanStem(title: string): string {
  let s = title.normalize('NFC').replace(INVISIBLE, '');
  // Control characters (C0, DEL, C1) and line breaks become spaces.
  s = s.replace(/\p{Cc}/gu, ' ');
  s = s.replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c] ?? '_');
  s = s.replace(/[\s\u3000]+/g, ' ');
  return trimEnds(s);
}

/**
 * A file name for `title` with extension `ext` that is readable (Chinese kept
 * as is, forbidden characters replaced by their full-width look-alikes:
 * `a/b: c?` → `a／b： c？`), safe on Windows, macOS and Linux (no control or
 * invisible characters, no reserved device name such as `CON` or `com1`, no
 * leading or trailing dot or space), at most {@link MAX_NAME_BYTES} UTF-8
 * bytes, and unique in `taken` ignoring case and Unicode normalisation (as
 * NTFS and APFS compare): `标题.md`, `标题 (2).md`, `标题 (3).md`….
 *
 * The name returned is added to `taken`, so a loop over articles needs no
 * bookkeeping.
 *
 * @param ext extension with or without its dot (`md`, `.json`); '' for none
 */
export function safeFileName(title: string, ext: string, taken: Set<string>): string {
  const e = cleanStem(ext.replace(/^\.+/, ''))
    .replace(/[\s.]+/g, '')
    .slice(0, MAX_EXT);
  const dotExt = e ? `.${e}` : '';
  let stem = cleanStem(title) || UNTITLED;
  // Windows reserves the device name before the first dot: CON.anything.
  const head = stem.split('.')[0]!.trim();
  if (RESERVED.test(head)) stem = stem.replace(head, `${head}_`);
  const keys = takenKeys(taken);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const room = MAX_NAME_BYTES - bytes(suffix + dotExt);
    const cut = trimEnds(cutBytes(stem, room)) || UNTITLED;
    const name = cut + suffix + dotExt;
    const key = nameKey(name);
    if (!keys.keys.has(key)) {
      taken.add(name);
      keys.keys.add(key);
      keys.size = taken.size;
      return name;
    }
  }
}

/**
 * The comparison keys of a `taken` set, kept beside it between calls (naming
 * 10,000 files would otherwise key every taken name again for each one:
 * quadratic). Rebuilt when the set was changed by someone else.
 */
const keysOf = new WeakMap<Set<string>, { size: number; keys: Set<string> }>();
function takenKeys(taken: Set<string>): { size: number; keys: Set<string> } {
  let cached = keysOf.get(taken);
  if (!cached || cached.size !== taken.size) {
    cached = { size: taken.size, keys: new Set([...taken].map(nameKey)) };
    keysOf.set(taken, cached);
  }
  return cached;
}

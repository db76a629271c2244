/**
 * Charset sniffing for saved pages and text files, with `TextDecoder` only (it
 * exists in Node and in browsers).
 *
 * Order: a byte-order mark; then valid UTF-8 wins, whatever the page declares
 * (many Chinese pages say `gb2312`/`gbk` but were re-saved as UTF-8); then the
 * declared charset (Content-Type, then `<meta>`); then GB18030, the superset of
 * GBK and GB2312 that most undeclared Chinese legacy pages are in.
 */

/** What {@link decodeBytes} needs to know about the bytes' origin. */
export interface DecodeOptions {
  /** An HTTP `Content-Type` value, e.g. `text/html; charset=gbk`. */
  contentType?: string;
  /** `html` also reads `<meta charset>` declarations; `text` does not. Default `html`. */
  kind?: 'html' | 'text';
}

/** Decoded text and the WHATWG name of the encoding used (`utf-8`, `gb18030`…). */
export interface Decoded {
  text: string;
  encoding: string;
}

/** How far into an HTML file a `<meta charset>` is looked for (the spec says 1024; real pages put it later). */
const META_SCAN_BYTES = 4096;

/**
 * A declared UTF-8 page with more than one U+FFFD per this many characters is
 * taken as mislabelled legacy bytes; fewer is a UTF-8 page with a few damaged
 * bytes (a truncated download), which GB18030 would turn into garbage.
 */
const DAMAGE_CHARS_PER_REPLACEMENT = 1000;

/**
 * Decode bytes to text, sniffing the charset (see the module comment).
 *
 * @example decodeBytes(bytes, { contentType: 'text/html; charset=gbk' }).encoding // 'utf-8' if the bytes are valid UTF-8
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
    };
  }
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const declared =
    labelFromContentType(opts.contentType) ??
    ((opts.kind ?? 'html') === 'html' ? labelFromMeta(bytes) : null);
  const encoding = declared ? canonicalEncoding(declared) : null;
  if (encoding && encoding !== 'utf-8') {
    const text = tryDecode(encoding, bytes, false);
    if (text !== null) return { text, encoding };
  }
  if (encoding === 'utf-8') {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    if (countReplacements(lenient) * DAMAGE_CHARS_PER_REPLACEMENT <= lenient.length) {
      return { text: lenient, encoding: 'utf-8' };
    }
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** The encoding a byte-order mark announces, and the mark's length; null without one. */
function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** Decode with `label`; null when the label is unknown or (with `fatal`) the bytes are invalid. */
function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    // Deliberate: RangeError (unknown label) and TypeError (invalid bytes) both mean "not this one".
    return null;
  }
}

/**
 * The WHATWG encoding name for a declared label, with the GB family widened to
 * GB18030 (GB2312 and GBK pages routinely contain GB18030-only characters);
 * null for labels TextDecoder does not know.
 */
export function canonicalEncoding(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    // Deliberate: an unknown label is treated as no declaration.
    return null;
  }
  return name === 'gbk' || name === 'gb2312' ? 'gb18030' : name;
}

function labelFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

/** The charset of the first `<meta charset>` / `<meta http-equiv content="…charset=…">`. */
function labelFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so ASCII markup reads correctly whatever the charset.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SCAN_BYTES));
  const metaRe = /<meta\b[^>]*>/gi;
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

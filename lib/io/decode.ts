/**
 * Charset sniffing for saved pages and text files, with `TextDecoder` only (it
 * exists in Node and in browsers).
 *
 * Order, each step deciding when it can:
 * 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
 * 2. UTF-16 without a mark, told by its NUL bytes: ASCII characters in UTF-16
 *    have a zero byte, always on the same side of each pair (the odd bytes in
 *    LE), which text in an ASCII-compatible charset never has;
 * 3. UTF-8, whatever the page declares (many Chinese pages say `gb2312`/`gbk`
 *    but were re-saved as UTF-8), when the bytes are valid UTF-8 or *mostly*
 *    valid: a few invalid sequences among many valid multibyte ones are damage
 *    (a truncated download, a bad sector, a stray Latin-1 byte), decoded as
 *    U+FFFD and counted in {@link Decoded.replaced}. Legacy Chinese bytes are
 *    never mostly valid UTF-8: GBK text read as UTF-8 has about four invalid
 *    sequences to every valid one;
 * 4. the declared charset (Content-Type, then `<meta>`);
 * 5. GB18030, the superset of GBK and GB2312 that most undeclared Chinese
 *    legacy pages are in.
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
  /**
   * How many invalid byte sequences were replaced by U+FFFD: 0 for clean
   * input. A reader should be told when it is not 0 (the text is damaged, not
   * in another charset).
   */
  replaced: number;
}

/** How far into an HTML file a `<meta charset>` is looked for (the spec says 1024; real pages put it later). */
const META_SCAN_BYTES = 4096;

/** How far into a file the NUL bytes of mark-less UTF-16 are looked for. */
const UTF16_SNIFF_BYTES = 1024;

/**
 * Mark-less UTF-16 needs at least one NUL byte per this many code units of the
 * sniffed head (and at least 2) on one side of the pairs, and at most a quarter
 * as many on the other side.
 */
const UTF16_UNITS_PER_NUL = 64;

/**
 * Bytes are mostly valid UTF-8 when they have at least this many well-formed
 * multibyte sequences for each ill-formed one. One damaged byte inside a
 * character makes up to 3 ill-formed sequences (the cut character, the byte,
 * the orphaned rest), so this allows a damaged byte in every 30 characters or
 * so; legacy Chinese text is far below it: GBK read as UTF-8 has about 4
 * ill-formed sequences to each well-formed one, and no snippet of the real
 * report texts in GBK reaches 3 well-formed to 1.
 */
const UTF8_VALID_PER_INVALID = 10;

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
  if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.length));
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const out = decodeAs(utf16, bytes);
    // One replacement is a truncated last unit; more than 1 % is not UTF-16.
    if (out.replaced <= 1 || out.replaced * 100 <= out.text.length) return out;
  }
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', replaced: 0 };
  const scan = scanUtf8(bytes);
  if (mostlyUtf8(scan)) return decodeAs('utf-8', bytes, scan.invalid);

  const declared =
    labelFromContentType(opts.contentType) ??
    ((opts.kind ?? 'html') === 'html' ? labelFromMeta(bytes) : null);
  const encoding = declared ? canonicalEncoding(declared) : null;
  if (encoding && encoding !== 'utf-8') return decodeAs(encoding, bytes);
  if (encoding === 'utf-8') {
    const lenient = decodeAs('utf-8', bytes, scan.invalid);
    if (lenient.replaced * DAMAGE_CHARS_PER_REPLACEMENT <= lenient.text.length) return lenient;
  }
  return decodeAs('gb18030', bytes);
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

/**
 * `utf-16le` or `utf-16be` when the first {@link UTF16_SNIFF_BYTES} bytes have
 * NUL bytes on one side of their pairs (the high byte of ASCII characters)
 * and hardly any on the other; null otherwise. Chinese text in UTF-16 has NULs
 * from its digits, Latin letters, spaces and line breaks; a file of NULs, or
 * binary data, has them on both sides.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const needed = Math.max(2, Math.floor(n / 2 / UTF16_UNITS_PER_NUL));
  if (oddNuls >= needed && evenNuls * 4 <= oddNuls) return 'utf-16le';
  if (evenNuls >= needed && oddNuls * 4 <= evenNuls) return 'utf-16be';
  return null;
}

/** The counts of {@link scanUtf8}. */
interface Utf8Scan {
  /** Well-formed sequences of 2 to 4 bytes. */
  multibyte: number;
  /** Ill-formed sequences: each becomes one U+FFFD in a WHATWG UTF-8 decoder. */
  invalid: number;
}

/**
 * Count the well-formed multibyte and the ill-formed sequences of `bytes` as
 * UTF-8, following the WHATWG UTF-8 decoder (so `invalid` is exactly the
 * number of U+FFFD that `TextDecoder` writes for them).
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0; // no overlong forms
        if (b === 0xed) upper = 0x9f; // no surrogates
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90; // no overlong forms
        if (b === 0xf4) upper = 0x8f; // nothing past U+10FFFF
        needed = 3;
      } else invalid++;
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one error; the byte is read again as a start.
      invalid++;
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      multibyte++;
      needed = seen = 0;
    }
  }
  if (needed !== 0) invalid++; // truncated at the end
  return { multibyte, invalid };
}

/** Whether a scan is of UTF-8 with some damage rather than of another charset. */
function mostlyUtf8({ multibyte, invalid }: Utf8Scan): boolean {
  return invalid * UTF8_VALID_PER_INVALID <= multibyte;
}

/**
 * Decode with a known encoding, replacing invalid sequences.
 *
 * @param replaced the number of invalid sequences when already known (UTF-8
 *   that is not valid); found otherwise
 */
function decodeAs(encoding: string, bytes: Uint8Array, replaced?: number): Decoded {
  if (replaced === undefined) {
    const strict = tryDecode(encoding, bytes, true);
    if (strict !== null) return { text: strict, encoding, replaced: 0 };
  }
  const text = new TextDecoder(encoding).decode(bytes);
  const count =
    replaced ?? (encoding === 'utf-8' ? scanUtf8(bytes).invalid : countReplacements(text));
  return { text, encoding, replaced: count };
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

/**
 * The charset of the first `<meta charset>` / `<meta http-equiv content="…charset=…">`.
 * A UTF-16 declaration read this way is UTF-8, as in the HTML spec's prescan:
 * markup readable as ASCII is not UTF-16 (real UTF-16 was found by its mark or
 * its NUL bytes before this is asked).
 */
function labelFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so ASCII markup reads correctly whatever the charset.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SCAN_BYTES));
  const metaRe = /<meta\b[^>]*>/gi;
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return /^utf-?16/i.test(direct[1]) ? 'utf-8' : direct[1];
  }
  return null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

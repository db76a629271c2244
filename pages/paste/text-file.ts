/**
 * A dropped or chosen file to text: plain-text files only, decoded with the
 * engine's charset sniffing (UTF-8 with or without BOM, UTF-16 with a BOM,
 * else GB18030 — the superset of the GBK that Chinese PDF tools still write).
 */
import { decodeBytes } from '../../lib/io/decode.ts';

export type FileText =
  | { kind: 'text'; text: string; encoding: string }
  /** A PDF, an image, a Word file…: bytes that are not text. */
  | { kind: 'not-text' };

/** Bytes looked at for NUL bytes and magic numbers. */
const SNIFF_BYTES = 4096;

/** Binary files' opening bytes: PDF, ZIP (docx, epub), PNG, JPEG, GIF. */
const MAGIC: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // PK..
  [0x89, 0x50, 0x4e, 0x47], // .PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
];

/** Whether the bytes are a binary file rather than text (UTF-16 with a BOM is text). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return true;
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) return false;
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

/** Decodes a text file's bytes; `not-text` for a binary file. */
export function decodeTextFile(bytes: Uint8Array): FileText {
  if (looksBinary(bytes)) return { kind: 'not-text' };
  const { text, encoding } = decodeBytes(bytes, { kind: 'text' });
  return { kind: 'text', text, encoding };
}

/** Reads a dropped or chosen file (a `File` is a `Blob`) and decodes it. */
export async function readTextFile(file: Blob): Promise<FileText> {
  return decodeTextFile(new Uint8Array(await file.arrayBuffer()));
}

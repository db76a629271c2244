/**
 * An article's saved text (lib/model.ts ArticleText) in the compact shape the
 * library stores it in: one string of every block's text end to end, and
 * typed arrays for where each block ends, its kind, its heading level and its
 * bold runs: seven objects whatever the length (a typed array clones as its
 * bytes) where an essay's blocks are about a hundred (and their bold runs'
 * arrays), for IndexedDB's structured clone to walk on every write and read.
 * (Measured in Chromium, the put of 3,000 texts costs about the same either
 * way: IndexedDB's cost there follows the bytes. See background/storage/README.md.)
 *
 * Only the stored row is compact: messages and backup files carry the
 * ArticleText itself. {@link decodeText}({@link encodeText}(x)) is deep-equal
 * to x, every field as it was (absent stays absent, an empty `bold` stays
 * empty). A text with a value the arrays cannot hold (a kind not known here,
 * a level outside 1–255, a bold offset that is not a 32-bit natural number)
 * is stored as it is: the validators at every boundary never let one through,
 * and a schema upgrade must not fail on an odd old row.
 */
import type { ArticleText, TextBlock } from '../model.ts';
import type { BlockKind } from '../types.ts';

/** An {@link ArticleText} as stored: block `i` is `chars[ends[i - 1] ?? 0 … ends[i])`. */
export interface CompactText {
  /** Every block's text, one after another. */
  chars: string;
  /** Where each block ends in `chars` (UTF-16 units). */
  ends: Uint32Array;
  /** Each block's kind (an index in {@link BLOCK_KINDS}), plus {@link HAS_BOLD} when it has a `bold` list. */
  kinds: Uint8Array;
  /** Each block's heading level; 0: none. */
  levels: Uint8Array;
  /**
   * Each block's bold runs are runs `boldEnds[i - 1] ?? 0 … boldEnds[i]` of
   * `bold` (a block without {@link HAS_BOLD} has none).
   */
  boldEnds: Uint32Array;
  /** Bold runs, two numbers each: start and end in their block's text. */
  bold: Uint32Array;
  /** As {@link ArticleText.cut}: present exactly when the text's is. */
  cut?: number;
}

/** A saved text as stored: compact, or (a value the arrays cannot hold) as it was. */
export type StoredText = CompactText | ArticleText;

/** The block kinds in the order {@link CompactText.kinds} numbers them. */
export const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'heading', 'list-item'];

/** The flag of {@link CompactText.kinds} set when a block has a `bold` list (maybe empty). */
export const HAS_BOLD = 0x80;

const KIND_INDEX = new Map(BLOCK_KINDS.map((k, i) => [k, i]));
const MAX_U32 = 0xffff_ffff;

const isU32 = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_U32;
const isLevel = (n: number | undefined): boolean =>
  n === undefined || (Number.isInteger(n) && n >= 1 && n <= 255);

/** Whether a stored text is the compact shape (else it is the text itself). */
export const isCompact = (s: StoredText): s is CompactText => !('blocks' in s);

/** Whether every value of `text` fits the compact arrays. */
function fits(text: ArticleText): boolean {
  let chars = 0;
  for (const b of text.blocks) {
    if (!KIND_INDEX.has(b.kind) || !isLevel(b.level)) return false;
    chars += b.text.length;
    for (const run of b.bold ?? [])
      if (run.length !== 2 || !isU32(run[0]) || !isU32(run[1])) return false;
  }
  return chars <= MAX_U32;
}

/** The stored shape of a saved text ({@link CompactText} when it fits, else the text as it is). */
export function encodeText(text: ArticleText): StoredText {
  if (!fits(text)) return text;
  const n = text.blocks.length;
  const ends = new Uint32Array(n);
  const kinds = new Uint8Array(n);
  const levels = new Uint8Array(n);
  const boldEnds = new Uint32Array(n);
  let runs = 0;
  for (const b of text.blocks) runs += b.bold?.length ?? 0;
  const bold = new Uint32Array(2 * runs);
  const parts: string[] = [];
  let end = 0;
  let run = 0;
  text.blocks.forEach((b, i) => {
    parts.push(b.text);
    ends[i] = end += b.text.length;
    kinds[i] = KIND_INDEX.get(b.kind)! | (b.bold ? HAS_BOLD : 0);
    levels[i] = b.level ?? 0;
    for (const [s, e] of b.bold ?? []) {
      bold[2 * run] = s;
      bold[2 * run + 1] = e;
      run++;
    }
    boldEnds[i] = run;
  });
  const out: CompactText = { chars: parts.join(''), ends, kinds, levels, boldEnds, bold };
  if (text.cut !== undefined) out.cut = text.cut;
  return out;
}

/** The saved text a stored one holds: deep-equal to the text {@link encodeText} was given. */
export function decodeText(stored: StoredText): ArticleText {
  if (!isCompact(stored)) return stored;
  const { chars, ends, kinds, levels, boldEnds, bold } = stored;
  const blocks: TextBlock[] = [];
  let start = 0;
  let run = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    const k = kinds[i]!;
    // Fields in sorted order (bold, kind, level, text): a backup writes keys sorted
    // (lib/backup sortKeys), and copies an object whose keys are not.
    let runs: [number, number][] | undefined;
    if (k & HAS_BOLD) {
      runs = [];
      for (const last = boldEnds[i]!; run < last; run++)
        runs.push([bold[2 * run]!, bold[2 * run + 1]!]);
    }
    const kind = BLOCK_KINDS[k & ~HAS_BOLD]!;
    const text = chars.slice(start, end);
    const level = levels[i]!;
    blocks.push(
      runs
        ? level > 0
          ? { bold: runs, kind, level, text }
          : { bold: runs, kind, text }
        : level > 0
          ? { kind, level, text }
          : { kind, text },
    );
    start = end;
  }
  return stored.cut !== undefined ? { blocks, cut: stored.cut } : { blocks };
}

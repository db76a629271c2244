/**
 * A short extractive digest: the introduction's thesis sentence, the level-1
 * keys, and the conclusion's first sentence. Deterministic: same input, same digest.
 */
import type { Block, OutlineNode } from '../types.ts';

/** Sentences of a paragraph, closing punctuation kept. */
function sentences(text: string): string[] {
  return (
    text
      .match(/[^。！？!?]+[。！？!?]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/** Characters two strings share, as a share of the first. */
function overlap(a: string, b: string): number {
  if (!a) return 0;
  const set = new Set(b);
  let n = 0;
  for (const ch of a) if (set.has(ch)) n++;
  return n / a.length;
}

/** The longest sentence kept in a digest, in characters. */
const MAX_SENTENCE = 120;

/**
 * Builds the digest from the intro paragraph (`intro`, block index or -1),
 * the tree and the conclusion paragraph (`conclusion`, block index or -1).
 */
export function buildDigest(
  blocks: Block[],
  nodes: OutlineNode[],
  title: string | null,
  intro: number,
  conclusion: number,
): string[] {
  const out: string[] = [];
  if (intro >= 0) {
    const ss = sentences(blocks[intro]!.text).filter((s) => s.length <= MAX_SENTENCE);
    // The thesis is the intro sentence closest to the headline; without one, the last sentence.
    let best = ss[ss.length - 1];
    if (title) {
      let score = -1;
      for (const s of ss) {
        const o = overlap(title, s);
        if (o > score) {
          score = o;
          best = s;
        }
      }
    }
    if (best) out.push(best);
  }
  for (const n of nodes) out.push((n.marker ? `${n.marker} ` : '') + n.key);
  if (conclusion >= 0) {
    const first = sentences(blocks[conclusion]!.text)[0];
    if (first) out.push(first.length > MAX_SENTENCE ? first.slice(0, MAX_SENTENCE) + '…' : first);
  }
  return out;
}

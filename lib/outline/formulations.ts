/**
 * Key formulations (提法): quoted slogans and number formulas such as
 * “严细深实快”, “三抓一创”, “五问四查三提升”, 1+3+N, with every place they occur.
 * Counted slogans are read where the author quotes them: unquoted, 三个方面 or
 * 一个时期 look the same as 三抓一创.
 */
import type { Block, Formulation, NodeSource } from '../types.ts';

/** Quoted words of this length are slogans; longer quotations are citations. */
const MIN_QUOTED = 2;
const MAX_QUOTED = 14;
/** At most this many formulations are kept, most frequent first. */
const MAX_FORMULATIONS = 12;

const QUOTED = /[“「『"]([^“”「」『』"\n]{2,14})[”」』"]/g;
/** Number formulas: 1+3+N, 1+11868. */
const PLUS_FORMULA = /\d+(?:\+[0-9A-Za-z]+)+/g;
const NUMERAL = /[一二三四五六七八九十两百千0-9]/;

/** Finds the formulations of the body blocks (indices in `body`). */
export function findFormulations(
  blocks: Block[],
  body: number[],
  title: string | null,
): Formulation[] {
  const found = new Map<string, NodeSource[]>();
  const add = (text: string, block: number, start: number) => {
    const list = found.get(text) ?? [];
    list.push({ block, start, end: start + text.length });
    found.set(text, list);
  };
  for (const b of body) {
    const t = blocks[b]!.text;
    for (const m of t.matchAll(QUOTED)) {
      const q = m[1]!;
      if (q.length >= MIN_QUOTED && q.length <= MAX_QUOTED) add(q, b, (m.index ?? 0) + 1);
    }
    for (const m of t.matchAll(PLUS_FORMULA)) add(m[0], b, m.index ?? 0);
  }
  const result: Formulation[] = [];
  for (const [text, occurrences] of found) {
    // A slogan counts when it recurs, carries a number, or is in the headline.
    const strong =
      occurrences.length >= 2 || NUMERAL.test(text) || (title?.includes(text) ?? false);
    if (strong) result.push({ text, occurrences });
  }
  // Counted slogans are also quoted; keep one entry per text (the map already does) and drop
  // quoted sentences that merely contain a slogan.
  return result
    .filter((f) => !/[，。；！？]/.test(f.text))
    .sort(
      (a, b) =>
        b.occurrences.length - a.occurrences.length ||
        a.occurrences[0]!.block - b.occurrences[0]!.block,
    )
    .slice(0, MAX_FORMULATIONS)
    .sort(
      (a, b) =>
        a.occurrences[0]!.block - b.occurrences[0]!.block ||
        a.occurrences[0]!.start - b.occurrences[0]!.start,
    );
}

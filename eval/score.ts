/**
 * In-process twin of ../shared/eval/score-outlines.mjs: the same norm(), match
 * rule, LCS alignment, level/parent counts and meta comparison, so the corpus
 * test can score the engine without spawning one CLI per essay. score.test.ts
 * checks it against the real script.
 */

/** A predicted or gold outline as the scorer reads it (the CLI's JSON, a gold file). */
export interface ScoredOutline {
  title?: string | null;
  author?: string | null;
  affiliation?: string | null;
  outline?: ScoredNode[];
}

export interface ScoredNode {
  level: number;
  text?: string;
  key?: string;
  children?: ScoredNode[];
}

interface FlatNode {
  level: number;
  text: string;
  key: string | undefined;
  parent: number;
}

const MARKER =
  /^(第?[一二三四五六七八九十]+[是要则]|其[一二三四五六七八九十]+|第[一二三四五六七八九十百]+|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[一二三四五六七八九十]+[、．.]|[①-⑳]|首先|其次|再次|然后|最后|另一方面|一方面)/;
const PUNCT = /[\s\u3000\p{P}\p{S}]/gu;

/** The scorer's normal form: no whitespace, no punctuation, no leading marker or 要. */
export function norm(s: string | null | undefined): string {
  if (!s) return '';
  let t = String(s).replace(/[\s\u3000]/g, '');
  t = t.replace(/^[\p{P}\p{S}]+/u, '');
  t = t.replace(MARKER, '').replace(/^[\p{P}\p{S}]+/u, '');
  return t.replace(/^要/, '').replace(PUNCT, '');
}

export function flatten(
  nodes: ScoredNode[] | undefined,
  parent = -1,
  out: FlatNode[] = [],
): FlatNode[] {
  for (const n of nodes ?? []) {
    const idx = out.length;
    out.push({ level: n.level, text: n.text ?? '', key: n.key, parent });
    flatten(n.children, idx, out);
  }
  return out;
}

function matches(p: FlatNode, g: FlatNode): boolean {
  const P = norm(p.text);
  const G = norm(g.text);
  const K = norm(g.key ?? g.text);
  return K.length > 0 && P.includes(K) && P.length <= G.length + 8;
}

/** Longest common subsequence of the two flattened lists under the match rule. */
export function align(pred: FlatNode[], gold: FlatNode[]): Array<[number, number]> {
  const n = pred.length;
  const m = gold.length;
  const dp = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = matches(pred[i]!, gold[j]!)
        ? dp[i + 1]![j + 1]! + 1
        : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (matches(pred[i]!, gold[j]!) && dp[i]![j] === dp[i + 1]![j + 1]! + 1) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Counts for one essay. */
export interface ItemScore {
  pred: number;
  gold: number;
  pairs: number;
  level: number;
  parent: number;
  meta: number;
  metaOk: number;
}

export function scoreItem(pred: ScoredOutline, gold: ScoredOutline): ItemScore {
  const P = flatten(pred.outline);
  const G = flatten(gold.outline);
  const pairs = align(P, G);
  const pi = new Map(pairs);
  let level = 0;
  let parent = 0;
  for (const [i, j] of pairs) {
    if (P[i]!.level === G[j]!.level) level++;
    const pp = P[i]!.parent;
    const gp = G[j]!.parent;
    if ((pp < 0 && gp < 0) || (pp >= 0 && gp >= 0 && pi.get(pp) === gp)) parent++;
  }
  let meta = 0;
  let metaOk = 0;
  for (const f of ['title', 'author', 'affiliation'] as const) {
    if (gold[f] == null) continue;
    meta++;
    if (norm(pred[f]) === norm(gold[f])) metaOk++;
  }
  return { pred: P.length, gold: G.length, pairs: pairs.length, level, parent, meta, metaOk };
}

/** The summary line's numbers, unrounded. */
export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  level: number;
  parent: number;
  meta: number;
  macroF1: number;
  items: number;
}

export function summarize(items: ItemScore[]): Summary {
  const t = items.reduce(
    (a, s) => ({
      pred: a.pred + s.pred,
      gold: a.gold + s.gold,
      pairs: a.pairs + s.pairs,
      level: a.level + s.level,
      parent: a.parent + s.parent,
      meta: a.meta + s.meta,
      metaOk: a.metaOk + s.metaOk,
    }),
    { pred: 0, gold: 0, pairs: 0, level: 0, parent: 0, meta: 0, metaOk: 0 },
  );
  const precision = t.pred ? t.pairs / t.pred : 0;
  const recall = t.gold ? t.pairs / t.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const itemF1 = items.map((s) => (s.pred + s.gold ? (2 * s.pairs) / (s.pred + s.gold) : 1));
  return {
    precision,
    recall,
    f1,
    level: t.pairs ? t.level / t.pairs : NaN,
    parent: t.pairs ? t.parent / t.pairs : NaN,
    meta: t.meta ? t.metaOk / t.meta : NaN,
    macroF1: itemF1.reduce((a, b) => a + b, 0) / (itemF1.length || 1),
    items: items.length,
  };
}

/** Parses the real script's summary line (its last line). */
export function parseSummaryLine(line: string): Omit<Summary, 'items' | 'macroF1'> & {
  macroF1: number;
  items: number;
} {
  const num = (re: RegExp) => Number(re.exec(line)?.[1] ?? NaN);
  return {
    f1: num(/outline F1 ([\d.]+)/),
    precision: num(/\(P ([\d.]+)/),
    recall: num(/ R ([\d.]+)\)/),
    level: num(/ level ([\d.]+)/),
    parent: num(/ parent ([\d.]+)/),
    meta: num(/ meta ([\d.]+)/),
    items: num(/over (\d+) items/),
    macroF1: num(/macro F1 ([\d.]+)/),
  };
}

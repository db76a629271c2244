/**
 * Keys: the shortest phrase that tells a node apart from its siblings. Parallel
 * siblings share their opening (大力弘扬…/大力倡导…), so the shared part is cut.
 */
import type { OutlineNode } from '../types.ts';

/** The longest key, in characters: a key is a phrase, not a sentence. */
const MAX_KEY = 16;

function sharedPrefix(texts: string[]): number {
  if (texts.length < 2) return 0;
  let p = 0;
  const first = texts[0]!;
  while (p < first.length && texts.every((t) => t[p] === first[p])) p++;
  return p;
}

/** Sets `key` on every node of the forest, siblings considered together. */
export function assignKeys(nodes: OutlineNode[]): void {
  const shared = sharedPrefix(nodes.map((n) => n.text));
  for (const n of nodes) {
    let k = n.text.slice(Math.min(shared, Math.max(0, n.text.length - 2)));
    k = k.replace(/^[，,、：:\s]+/, '');
    if (k.length > MAX_KEY) {
      const clause = k.split(/[，,：:]/)[0] ?? k;
      k = clause.length >= 2 ? clause.slice(0, MAX_KEY) : k.slice(0, MAX_KEY);
    }
    n.key = k || n.text;
    assignKeys(n.children);
  }
}

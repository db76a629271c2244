/**
 * Sibling checks: a point is a point only when it has siblings. A lone 首先
 * with no 其次, a 二是 with no 一是, one bold sentence in a whole essay — none
 * of these is structure.
 */
import type { Candidate } from './candidates.ts';
import { continues } from './inline.ts';
import { stepCounter, type Steps } from '../steps.ts';

/** Families whose members stand even alone (an author's explicit `<h3>` subheading). */
const LONE_OK = /^h:/;

/**
 * Keeps the candidates that belong to a sibling series: for ordinal families a
 * run counting from 1 with at least two members; for the others at least two
 * members in the document. Returns them in reading order.
 */
export function* keepSeries(cands: Candidate[]): Steps<Candidate[]> {
  const tick = stepCounter();
  const keep = new Set<Candidate>();
  const byFamily = new Map<string, Candidate[]>();
  for (const c of cands) {
    const list = byFamily.get(c.family) ?? [];
    list.push(c);
    byFamily.set(c.family, list);
  }
  for (const [family, list] of byFamily) {
    if (!family.startsWith('m:')) {
      if (list.length >= 2 || LONE_OK.test(family)) list.forEach((c) => keep.add(c));
      continue;
    }
    // Runs of one family may nest (1. 孙 > 1. 2. 3. … > 2. 蒋): keep a stack of open runs;
    // a member continues the innermost run it follows, which closes the runs inside it.
    const open: Candidate[][] = [];
    const close = (run: Candidate[]) => {
      if (run.length >= 2) run.forEach((c) => keep.add(c));
    };
    for (const c of list) {
      if (tick()) yield;
      if (c.ordinal === 1) {
        open.push([c]);
        continue;
      }
      let k = open.length - 1;
      while (k >= 0 && !continues(open[k]![open[k]!.length - 1]!.ordinal, c.ordinal)) k--;
      if (k < 0) continue;
      while (open.length > k + 1) close(open.pop()!);
      open[k]!.push(c);
    }
    open.forEach(close);
  }
  return cands.filter((c) => keep.has(c));
}

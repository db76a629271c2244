/**
 * Set-off leads without bold or marker: sibling paragraphs that each open with
 * a short claim closed by a full stop (建设清廉学校。…/推进民主决策。…,
 * 合作共事，保持一颗平常心。…). In plain text from PDFs this is how bold leads
 * survive; on web pages it is how many reports set off their points.
 */
import type { Block } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

/** Shortest set-off lead, in characters (the longest, the body after it and the length ratio are settings). */
const MIN_LEAD = 2;

/** Openings of ordinary sentences, which are prose even when short. */
const PROSE =
  /^(?:同志们|各位|朋友们|女士们|先生们|老师们|同学们|大家|我|我们|你|他|她|它|这|那|其|此|但|而|且|并|又|也|就|都|还|如|若|因|所以|因此|同时|然而|当然|总之|另外|此外|目前|现在|今天|今年|去年|近年|如今|首先|其次|最后|例如|比如|对此|为此|于是|据|经|由)/;

/** The set-off lead of `text`: the end of its first sentence, or -1. */
function leadEnd(text: string, s: Settings): number {
  const stop = text.search(/[。！？!?]/);
  if (stop < MIN_LEAD || stop > s.shortLeadMax) return -1;
  if (text.length - stop - 1 < s.shortLeadMinBody) return -1;
  const lead = text.slice(0, stop);
  if (PROSE.test(lead) || /^[“"「『]/.test(lead) || /[；;：:]$/.test(lead) || /\d{3,}/.test(lead))
    return -1;
  // A lead is a phrase: at most one comma (合作共事，保持一颗平常心).
  if ((lead.match(/[，,]/g) ?? []).length > 1) return -1;
  return stop;
}

/**
 * Leads with a comma are parallel in form (合作共事，保持一颗平常心 / 谨小慎微，坚守一颗廉洁心):
 * all siblings must then share the segment lengths. Rhetorical openings differ
 * in shape (互联网的发展，可谓一日千里 / 网络世界，互联万物) and are prose.
 */
function sameShape(blocks: Block[], group: Array<{ block: number; end: number }>): boolean {
  const shapes = group.map((g) =>
    blocks[g.block]!.text.slice(0, g.end)
      .split(/[，,]/)
      .map((p) => p.length)
      .join('+'),
  );
  if (!shapes.some((sh) => sh.includes('+'))) return true;
  return shapes.every((sh) => sh === shapes[0]);
}

/** Siblings say different things: one lead printed again and again is no series. */
function distinct(blocks: Block[], group: Array<{ block: number; end: number }>): boolean {
  return new Set(group.map((g) => blocks[g.block]!.text.slice(0, g.end))).size === group.length;
}

/**
 * Groups of at least two set-off leads among `free` paragraphs (reading
 * order), not separated by another candidate (`barrier`).
 */
export function shortLeads(
  blocks: Block[],
  free: number[],
  barrier: (from: number, to: number) => boolean,
  settings: Settings = DEFAULT_SETTINGS,
): Candidate[] {
  const LENGTH_RATIO = settings.shortLeadRatio;
  const out: Candidate[] = [];
  let group: Array<{ block: number; end: number }> = [];
  // The group's shortest and longest lead, kept as members join (no rescans: groups can be long).
  let min = Infinity;
  let max = 0;
  const flush = () => {
    if (
      group.length >= 2 &&
      max <= min * LENGTH_RATIO &&
      sameShape(blocks, group) &&
      distinct(blocks, group)
    ) {
      for (const g of group) {
        out.push({
          block: g.block,
          family: 'short-lead',
          ordinal: 0,
          marker: null,
          textStart: 0,
          textEnd: g.end,
          kind: 'lead',
          strength: 1,
        });
      }
    }
    group = [];
    min = Infinity;
    max = 0;
  };
  for (const i of free) {
    const end = leadEnd(blocks[i]!.text, settings);
    const last = group[group.length - 1];
    if (last && barrier(last.block, i)) flush();
    if (end > 0) {
      // A lead of a clearly different length starts a new group (a narrative paragraph that
      // happens to open with a short sentence stands before 文化育人。/实践育人。…).
      if (group.length && Math.max(end, max) > Math.min(end, min) * LENGTH_RATIO) flush();
      group.push({ block: i, end });
      min = Math.min(min, end);
      max = Math.max(max, end);
    }
  }
  flush();
  return out;
}

/**
 * The pure glue between stored highlights and the page as it is now: where
 * each one lands (or that it is an orphan), which outline node it sits under,
 * and what the Markdown export receives. No DOM here: text, offsets and the
 * outline come in; the content script does the DOM part (text map, painting).
 */
import { anchor } from '../lib/anchoring/anchor.ts';
import { findNodeAt, nodeRangeLookup, pathKey } from '../lib/anchoring/outline-ranges.ts';
import type { TextRange } from '../lib/anchoring/text-map.ts';
import type { ExportedHighlight } from '../lib/export/highlights-md.ts';
import type { Highlight } from '../lib/model.ts';
import type { OutlineNode } from '../lib/types.ts';

/** A highlight found on the page: its text offsets and the node (current outline) it lies in. */
export interface Placed {
  placed: true;
  highlight: Highlight;
  start: number;
  end: number;
  /** Path in the current outline of the innermost node containing `start`; null for the intro. */
  nodePath: number[] | null;
}

/** A highlight that could not be placed: kept and listed, never painted. */
export interface Orphan {
  placed: false;
  highlight: Highlight;
}

export type Placement = Placed | Orphan;

/** The page's current outline and the text range each node governs (keys: `pathKey`). */
export interface PageStructure {
  nodes: OutlineNode[];
  ranges: Map<string, TextRange>;
}

/** The innermost node containing `offset`, as a path, or null (intro, page chrome). */
export function nodePathAt(structure: PageStructure, offset: number): number[] | null {
  const hit = findNodeAt(
    structure.nodes,
    offset,
    (_n, path) => structure.ranges.get(pathKey(path)) ?? null,
  );
  return hit ? hit.path : null;
}

/**
 * Anchors every highlight in `text` (lib/anchoring `anchor`: position, exact
 * quote, then fuzzy with a minimum score and the outline-node check). Those
 * that fail are orphans. Order is kept.
 *
 * `structure` may be a function: it is then called only when some highlight
 * needs the outline-node check (a match scoring below the override score), so
 * restoring highlights whose words and context are intact never waits for the
 * full engine. Node paths are filled when the structure was built; otherwise
 * they are null and {@link withNodePaths} fills them later.
 */
export function placeHighlights(
  text: string,
  highlights: readonly Highlight[],
  structure: PageStructure | (() => PageStructure),
): Placement[] {
  let built: PageStructure | null = typeof structure === 'function' ? null : structure;
  const get = () => (built ??= (structure as () => PageStructure)());
  let lookup: ReturnType<typeof nodeRangeLookup> | null = null;
  const nodeRangeOf: ReturnType<typeof nodeRangeLookup> = (path, key, t) =>
    (lookup ??= nodeRangeLookup(get().nodes, get().ranges))(path, key, t);
  const placements = highlights.map((highlight): Placement => {
    const a = anchor(text, highlight.selectors, { nodeRangeOf });
    if (!a) return { placed: false, highlight };
    return { placed: true, highlight, start: a.start, end: a.end, nodePath: null };
  });
  return built ? withNodePaths(placements, built) : placements;
}

/** The placements with each placed one's node path taken from `structure`. */
export function withNodePaths(
  placements: readonly Placement[],
  structure: PageStructure,
): Placement[] {
  return placements.map((p) => (p.placed ? { ...p, nodePath: nodePathAt(structure, p.start) } : p));
}

/** Placed highlights by node id (`pathKey`), the intro's, and the orphans; placed ones in reading order. */
export interface GroupedPlacements {
  byNode: Map<string, Placed[]>;
  intro: Placed[];
  orphans: Orphan[];
}

/** Groups placements for the sidebar: under their node, in the intro, or with the orphans. */
export function groupPlacements(placements: readonly Placement[]): GroupedPlacements {
  const g: GroupedPlacements = { byNode: new Map(), intro: [], orphans: [] };
  const placed = placements
    .filter((p): p is Placed => p.placed)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const p of placed) {
    if (!p.nodePath || p.nodePath.length === 0) {
      g.intro.push(p);
      continue;
    }
    const key = pathKey(p.nodePath);
    const list = g.byNode.get(key) ?? [];
    list.push(p);
    g.byNode.set(key, list);
  }
  for (const p of placements) if (!p.placed) g.orphans.push(p);
  return g;
}

/**
 * The export's view of the placements: placed ones with their node path
 * (sorted into reading order by the export itself), orphans with `placed: false`.
 */
export function exportItems(placements: readonly Placement[]): ExportedHighlight[] {
  return placements.map((p) =>
    p.placed
      ? { highlight: p.highlight, nodePath: p.nodePath, placed: true }
      : { highlight: p.highlight, nodePath: null, placed: false },
  );
}

/**
 * The placed highlight that holds the stretch `[start, end)` (for a collapsed
 * stretch, the one containing `start`); the innermost (shortest) when several
 * overlap. Null when none does.
 */
export function placedAt(
  placements: readonly Placement[],
  start: number,
  end: number,
): Placed | null {
  let best: Placed | null = null;
  for (const p of placements) {
    if (!p.placed) continue;
    const holds =
      start === end ? p.start <= start && start < p.end : p.start <= start && end <= p.end;
    if (holds && (!best || p.end - p.start < best.end - best.start)) best = p;
  }
  return best;
}

const SPACE = /\s/;

/** `[start, end)` without the whitespace at either edge (a selection often takes in a line break). */
export function trimOffsets(text: string, start: number, end: number): TextRange {
  let a = Math.max(0, start);
  let b = Math.min(text.length, end);
  while (a < b && SPACE.test(text[a]!)) a++;
  while (b > a && SPACE.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

/** Replaces the highlight with the same id (placement kept), or returns the list unchanged. */
export function replaceHighlight(placements: readonly Placement[], next: Highlight): Placement[] {
  return placements.map((p) => (p.highlight.id === next.id ? { ...p, highlight: next } : p));
}

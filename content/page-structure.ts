/**
 * The page's outline as text ranges: each outline node's section of the text
 * map (from where its words start), for placing highlights and describing new
 * ones. Shared by the highlight controller and the browser bench's seeding.
 */
import { pathKey, sectionRanges } from '../lib/anchoring/outline-ranges.ts';
import { offsetsFromRange, textNodeIndex, type TextMap } from '../lib/anchoring/text-map.ts';
import type { PageStructure } from './placement.ts';
import type { PageOutline } from './page-outline.ts';

/** Each outline node's text range in `map` (nodes whose element is outside the map's root are skipped). */
export function pageStructure(doc: Document, map: TextMap, page: PageOutline): PageStructure {
  const index = textNodeIndex(map);
  const starts = new Map<string, number>();
  page.flat.forEach((f, i) => {
    const target = page.targets[i];
    if (!target || !map.root.contains(target.element)) return;
    let range = target.range;
    if (!range) {
      range = doc.createRange();
      range.selectNodeContents(target.element);
    }
    starts.set(f.id, offsetsFromRange(map, range, index).start);
  });
  const ranges = sectionRanges(
    page.outline.nodes,
    (_n, path) => starts.get(pathKey(path)) ?? null,
    map.text.length,
  );
  return { nodes: page.outline.nodes, ranges };
}

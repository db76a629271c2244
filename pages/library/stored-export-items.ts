import type { ExportedHighlight } from '../../lib/export/highlights-md.ts';
import { nodeAtPath, type Article, type Highlight } from '../../lib/model.ts';

/**
 * The export's view of stored highlights, without the page: each one goes
 * under the outline node its `outline-node` selector names (when that path
 * still exists in the stored outline), else into the intro. None is an
 * orphan here: orphans are a property of the live page, which the library
 * does not have.
 */
export function storedExportItems(article: Article, highlights: Highlight[]): ExportedHighlight[] {
  return highlights.map((highlight) => {
    const node = highlight.selectors.find((s) => s.kind === 'outline-node');
    const path = node && nodeAtPath(article.outline.nodes, node.path) ? node.path : null;
    return { highlight, nodePath: path, placed: true };
  });
}

/**
 * The files of a bulk export: one Markdown file per article (the same
 * serialiser as the in-page export, lib/export/to-markdown.ts) and an
 * `index.md` that lists them. Pure: articles in, `{ name, text }` out; the
 * zip itself is built by zip-files.ts.
 */
import type { ExportedHighlight } from '../../lib/export/highlights-md.ts';
import { safeFileName } from '../../lib/export/file-names.ts';
import { escapeMarkdown, outlineToMarkdown } from '../../lib/export/to-markdown.ts';
import { nodeAtPath, type Article, type Highlight } from '../../lib/model.ts';

/** An article with its highlights, as `get-article` / `export-articles` return it. */
export interface ArticleWithHighlights {
  article: Article;
  highlights: Highlight[];
}

/** One file of the export: a name safe on every OS (unique in the export) and its text. */
export interface ExportFile {
  name: string;
  text: string;
}

/** The name of the index file; it is reserved first, so no article takes it. */
export const INDEX_FILE = 'index.md';

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

/** One article as Markdown: the outline, its highlights and notes under their nodes, front matter with source, date and tags. */
export function articleMarkdown({ article, highlights }: ArticleWithHighlights): string {
  return outlineToMarkdown(article.outline, {
    url: article.url,
    title: article.title,
    savedAt: article.savedAt,
    tags: article.tags,
    highlights: storedExportItems(article, highlights),
  });
}

/** A Markdown link target for a file name (spaces and brackets percent-encoded, Chinese kept). */
function linkTarget(name: string): string {
  return name.replace(/[ ()<>[\]%]/g, (c) => encodeURIComponent(c));
}

/** The index: one list item per article — link to its file, site, author, saved date, highlight count. */
export function indexMarkdown(
  entries: readonly { name: string; item: ArticleWithHighlights }[],
  exportedAt: string,
): string {
  const out = [
    '# 纲目文库 Gangmu library',
    '',
    `导出于 Exported ${exportedAt} · ${entries.length} 篇 articles`,
    '',
  ];
  for (const { name, item } of entries) {
    const a = item.article;
    const title = a.title || a.outline.title || a.url;
    const meta = [
      a.site,
      a.outline.author,
      a.savedAt.slice(0, 10),
      `${item.highlights.length} 条划线 highlights`,
      ...(a.tags.length ? [a.tags.map((t) => `#${t}`).join(' ')] : []),
    ].filter(Boolean);
    out.push(
      `- [${escapeMarkdown(title)}](${linkTarget(name)}) — ${escapeMarkdown(meta.join(' · '))}`,
    );
  }
  out.push('');
  return out.join('\n');
}

/**
 * The files of an export, `index.md` first, then one `title.md` per article
 * in the order given (names made safe and unique by `safeFileName`).
 */
export function exportFiles(
  items: readonly ArticleWithHighlights[],
  exportedAt: string = new Date().toISOString(),
): ExportFile[] {
  const taken = new Set<string>([INDEX_FILE]);
  const entries = items.map((item) => ({
    name: safeFileName(item.article.title || item.article.outline.title || '', 'md', taken),
    item,
  }));
  return [
    { name: INDEX_FILE, text: indexMarkdown(entries, exportedAt) },
    ...entries.map(({ name, item }) => ({ name, text: articleMarkdown(item) })),
  ];
}

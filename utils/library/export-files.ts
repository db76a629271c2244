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

/** What the index lists of one article: kept instead of the article while the export goes on. */
export interface IndexEntry {
  /** Its file in the export. */
  name: string;
  title: string;
  site: string;
  author: string | null;
  savedAt: string;
  highlights: number;
  tags: string[];
}

/** The index's view of an article written to `name`. */
export function indexEntry(
  name: string,
  { article: a, highlights }: ArticleWithHighlights,
): IndexEntry {
  return {
    name,
    title: a.title || a.outline.title || a.url,
    site: a.site,
    author: a.outline.author,
    savedAt: a.savedAt,
    highlights: highlights.length,
    tags: a.tags,
  };
}

/** The index: one list item per article — link to its file, site, author, saved date, highlight count. */
export function indexMarkdown(entries: readonly IndexEntry[], exportedAt: string): string {
  const out = [
    '# 纲目文库 Gangmu library',
    '',
    `导出于 Exported ${exportedAt} · ${entries.length} 篇 articles`,
    '',
  ];
  for (const e of entries) {
    const meta = [
      e.site,
      e.author,
      e.savedAt.slice(0, 10),
      `${e.highlights} 条划线 highlights`,
      ...(e.tags.length ? [e.tags.map((t) => `#${t}`).join(' ')] : []),
    ].filter(Boolean);
    out.push(
      `- [${escapeMarkdown(e.title)}](${linkTarget(e.name)}) — ${escapeMarkdown(meta.join(' · '))}`,
    );
  }
  out.push('');
  return out.join('\n');
}

/**
 * The files of an export written as the articles come: `next` gives one
 * article's file (its name made safe and unique by `safeFileName`, in the
 * order called) and keeps only its index entry; `index` gives index.md, of
 * every article so far. The name index.md is reserved first, so no article
 * takes it.
 */
export class ExportFileStream {
  private readonly taken = new Set<string>([INDEX_FILE]);
  private readonly entries: IndexEntry[] = [];
  private readonly exportedAt: string;

  constructor(exportedAt: string = new Date().toISOString()) {
    this.exportedAt = exportedAt;
  }

  /** Articles written so far. */
  get count(): number {
    return this.entries.length;
  }

  next(item: ArticleWithHighlights): ExportFile {
    const name = safeFileName(
      item.article.title || item.article.outline.title || '',
      'md',
      this.taken,
    );
    this.entries.push(indexEntry(name, item));
    return { name, text: articleMarkdown(item) };
  }

  index(): ExportFile {
    return { name: INDEX_FILE, text: indexMarkdown(this.entries, this.exportedAt) };
  }
}

/**
 * The files of an export, `index.md` first, then one `title.md` per article
 * in the order given (names made safe and unique by `safeFileName`).
 */
export function exportFiles(
  items: readonly ArticleWithHighlights[],
  exportedAt: string = new Date().toISOString(),
): ExportFile[] {
  const stream = new ExportFileStream(exportedAt);
  const files = items.map((item) => stream.next(item));
  return [stream.index(), ...files];
}

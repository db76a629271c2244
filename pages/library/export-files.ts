/**
 * The files of a bulk export: one Markdown file per article (the same
 * serialiser as the in-page export, lib/export/to-markdown.ts) and an
 * `index.md` that lists them; and the file of one article, for the article
 * view's export. Pure: articles in, `{ name, text }` out; the zip itself is
 * built by zip-files.ts. The reader's options ({@link MarkdownExportOptions}:
 * the saved full text, Obsidian marks) apply to every file.
 */
import { safeFileName } from '../../lib/export/file-names.ts';
import { articleToMarkdown } from '../../lib/export/article-markdown.ts';
import { escapeMarkdown } from '../../lib/export/to-markdown.ts';
import type { Article, Highlight } from '../../lib/model.ts';
import { DEFAULT_EXPORT_OPTIONS, type MarkdownExportOptions } from './export-options.ts';
import { storedExportItems } from './stored-export-items.ts';

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

export {
  DEFAULT_EXPORT_OPTIONS,
  MARKDOWN_TYPE,
  type MarkdownExportOptions,
} from './export-options.ts';
export { storedExportItems } from './stored-export-items.ts';

/** The name of the index file; it is reserved first, so no article takes it. */
export const INDEX_FILE = 'index.md';

/**
 * One article as Markdown: front matter with source, date and tags, the
 * outline with its highlights and notes under their nodes and, with
 * `fullText` and a saved text, the text with the highlights marked in place.
 */
export function articleMarkdown(
  { article, highlights }: ArticleWithHighlights,
  options: Readonly<MarkdownExportOptions> = DEFAULT_EXPORT_OPTIONS,
): string {
  const text = options.fullText && article.text?.blocks.length ? article.text : undefined;
  return articleToMarkdown(article.outline, {
    url: article.url,
    title: article.title,
    savedAt: article.savedAt,
    tags: article.tags,
    highlights: storedExportItems(article, highlights),
    obsidian: options.obsidian,
    ...(text ? { text } : {}),
  });
}

/** The file name of an article's Markdown: its title made safe (lib/export/file-names.ts). */
const articleFileName = (article: Article, taken: Set<string>) =>
  safeFileName(article.title || article.outline.title || '', 'md', taken);

/**
 * One article's Markdown file, for the article view's export button: named
 * after its title (made safe on every OS), written as {@link articleMarkdown}.
 */
export function articleFile(
  item: ArticleWithHighlights,
  options: Readonly<MarkdownExportOptions> = DEFAULT_EXPORT_OPTIONS,
): ExportFile {
  return { name: articleFileName(item.article, new Set()), text: articleMarkdown(item, options) };
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
  private readonly options: Readonly<MarkdownExportOptions>;

  constructor(
    exportedAt: string = new Date().toISOString(),
    options: Readonly<MarkdownExportOptions> = DEFAULT_EXPORT_OPTIONS,
  ) {
    this.exportedAt = exportedAt;
    this.options = options;
  }

  /** Articles written so far. */
  get count(): number {
    return this.entries.length;
  }

  next(item: ArticleWithHighlights): ExportFile {
    const name = articleFileName(item.article, this.taken);
    this.entries.push(indexEntry(name, item));
    return { name, text: articleMarkdown(item, this.options) };
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
  options: Readonly<MarkdownExportOptions> = DEFAULT_EXPORT_OPTIONS,
): ExportFile[] {
  const stream = new ExportFileStream(exportedAt, options);
  const files = items.map((item) => stream.next(item));
  return [stream.index(), ...files];
}

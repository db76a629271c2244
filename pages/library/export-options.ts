/**
 * The reader's Markdown export options and their defaults: light, so the
 * library's first screen (its checkboxes) does not load the exporter itself
 * (export-files.ts), which comes with the first export.
 */

/** How each article's Markdown is written: the reader's export options. */
export interface MarkdownExportOptions {
  /**
   * Add the article's saved text after its outline (正文 Full text), the
   * highlights marked in place and their notes after their paragraphs.
   * Articles saved without their text are written as without the option.
   */
  fullText: boolean;
  /** Obsidian flavour: highlights as `==…==` and `#highlight/<colour>` tags; else bold and colour labels. */
  obsidian: boolean;
}

/** The options before the reader sets any: the outline alone, plain Markdown. */
export const DEFAULT_EXPORT_OPTIONS: Readonly<MarkdownExportOptions> = {
  fullText: false,
  obsidian: false,
};

/** The media type of an exported article, for its download. */
export const MARKDOWN_TYPE = 'text/markdown;charset=utf-8';

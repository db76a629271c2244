/**
 * A saved article as Markdown: the outline export (to-markdown.ts) and, when
 * the article's saved text is given, a 正文 Full text section after it, the
 * highlights marked in place and their notes after their paragraphs; those
 * not found in the text are listed after it (text-to-markdown.ts).
 */
import type { ArticleText } from '../model.ts';
import type { Outline } from '../types.ts';
import { fullTextSection } from './text-to-markdown.ts';
import { outlineToMarkdown, type MarkdownOptions } from './to-markdown.ts';

export interface ArticleMarkdownOptions extends MarkdownOptions {
  /** The article's saved text; absent: the outline export alone. */
  text?: ArticleText;
}

export function articleToMarkdown(outline: Outline, options: ArticleMarkdownOptions = {}): string {
  const { text, ...rest } = options;
  const md = outlineToMarkdown(outline, rest);
  if (!text) return md;
  const highlights = (options.highlights ?? []).map((item) => item.highlight);
  const section = fullTextSection(text, highlights, { obsidian: rest.obsidian ?? false, outline });
  return [md, ...section].join('\n');
}

import type { ArticleText } from '../lib/model.ts';
import type { Outline } from '../lib/types.ts';
import { normalizeUrl } from '../lib/url/normalize-url.ts';
import type { ArticleDraft } from '../protocol/messages.ts';

/** The canonical link of a document, when it has one. */
export function canonicalOf(doc: Document): string | null {
  return doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
}

/** The page's article as it would be saved: id = normalised URL; `text` its readable text. */
export function articleDraft(
  doc: Document,
  url: string,
  outline: Outline,
  docTitle: string | null,
  text?: ArticleText,
): ArticleDraft {
  const site = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  return {
    id: normalizeUrl(url, canonicalOf(doc)),
    url,
    site,
    title: outline.title ?? docTitle ?? url,
    outline,
    tags: [],
    ...(text && text.blocks.length > 0 ? { text } : {}),
  };
}

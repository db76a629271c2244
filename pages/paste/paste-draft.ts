/**
 * A pasted article as the library stores it: the id is also its URL (there is
 * no page to go back to), the site is the fixed label {@link PASTE_SITE}.
 */
import type { ArticleText } from '../../lib/model.ts';
import type { Outline } from '../../lib/types.ts';
import type { ArticleDraft } from '../../protocol/messages.ts';

/** The `site` of every pasted article: the library groups them under it. */
export const PASTE_SITE = '粘贴 Pasted';

/**
 * The draft saved with `save-article` and sent with each `put-highlight`;
 * `sourceText` is the article's slice of the paste, kept so the library can
 * open it again (`pastedArticleFromStored`).
 */
export function pasteDraft(
  id: string,
  outline: Outline,
  fallbackTitle: string,
  sourceText: string,
  text?: ArticleText,
): ArticleDraft {
  return {
    id,
    url: id,
    site: PASTE_SITE,
    title: outline.title?.trim() || fallbackTitle,
    outline,
    tags: [],
    sourceText,
    ...(text && text.blocks.length > 0 ? { text } : {}),
  };
}

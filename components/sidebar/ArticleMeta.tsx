import type { Outline } from '../../lib/types.ts';
import type { Translate } from './sidebar-messages.ts';

export interface ArticleMetaProps {
  outline: Outline;
  /** Shown when the engine found no title (the document title). */
  fallbackTitle: string | null;
  t: Translate;
}

/** The essay's title, subtitle, author and affiliation. Page text is rendered as text only. */
export function ArticleMeta({ outline, fallbackTitle, t }: ArticleMetaProps) {
  const title = outline.title ?? fallbackTitle;
  return (
    <header class="meta">
      {title && <h2 class="meta-title">{title}</h2>}
      {outline.subtitle && <p class="meta-subtitle">{outline.subtitle}</p>}
      {outline.author && (
        <p class="meta-line" data-field="author">
          <span class="meta-label">{t('sidebarAuthor')}</span> {outline.author}
        </p>
      )}
      {outline.affiliation && (
        <p class="meta-line" data-field="affiliation">
          <span class="meta-label">{t('sidebarAffiliation')}</span> {outline.affiliation}
        </p>
      )}
    </header>
  );
}

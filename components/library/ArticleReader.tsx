/**
 * A saved article's text in the library, read as on the paste page: the
 * shared text reader (pages/reader/text-reader.ts) over `article.text`, with
 * the outline stored beside it, its highlights painted, notes editable and
 * new highlights made with the selection toolbar. Loaded on demand by
 * ArticleView (a dynamic import): the library's first screen does not carry it.
 */
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import type { Article, ArticleText, Highlight } from '@/lib/model';
import { articleHref } from '@/protocol/highlight-link';
import type { ArticleDraft, ReplyTo, Request } from '@/protocol/messages';
import { createTextReader } from '@/pages/reader/text-reader';
import { ReaderFrame } from '../reader/ReaderFrame.tsx';
import { memoMessages } from '../sidebar/sidebar-messages.ts';
import type { LibraryT } from './library-strings.ts';

/** An article that has its saved text. */
export type ArticleWithText = Article & { text: ArticleText };

export interface ArticleReaderProps {
  article: ArticleWithText;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: LibraryT;
  /** A highlight to scroll to and flash in the text once restored (a search hit). */
  focusHighlightId?: string;
  /** The article's highlights changed: their number now. */
  onCount?(count: number): void;
  /** Its highlights as the view read them with the article (restored without asking again). */
  highlights?: readonly Highlight[];
}

/**
 * The stored article as `put-highlight` sends it. The background creates the
 * article from it only when it is not in the library (deleted in another tab
 * meanwhile), so a highlight is never stored without its article.
 */
export function storedDraft(article: Article): ArticleDraft {
  const { id, url, site, title, outline, tags, sourceText, text } = article;
  return {
    id,
    url,
    site,
    title,
    outline,
    tags,
    ...(sourceText !== undefined ? { sourceText } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}

export function ArticleReader({
  article,
  send,
  t,
  focusHighlightId,
  onCount,
  highlights,
}: ArticleReaderProps) {
  // The reader starts once per article: a tag saved meanwhile gives a new
  // `article` object (read through the ref) and must not start it again.
  const latest = useRef({ article, onCount, highlights });
  latest.current = { article, onCount, highlights };
  const tr = useMemo(() => memoMessages(t), [t]);
  const host = useRef<HTMLDivElement>(null);

  const start = useCallback(
    (frame: HTMLIFrameElement, panel: HTMLElement) => {
      const a = latest.current.article;
      return createTextReader({
        frame,
        panel,
        id: a.id,
        title: a.title || a.outline.title || a.url,
        content: { kind: 'saved', text: a.text, outline: a.outline },
        draft: () => storedDraft(latest.current.article),
        send,
        t: tr,
        emptyText: t('libNoOutline'),
        // The view shows title, author and site above the reader.
        meta: false,
        focusHighlightId,
        linkOf: (h) => ({ href: articleHref(a, h.id), label: t('libOpenAtHighlight') }),
        onChange: (count) => latest.current.onCount?.(count),
        highlights: latest.current.highlights,
      });
    },
    [article.id, send, t, tr, focusHighlightId],
  );

  // Opened at a highlight: the text is where the reader is taken.
  useEffect(() => {
    if (focusHighlightId) host.current?.scrollIntoView?.({ block: 'start' });
  }, [article.id, focusHighlightId]);

  return (
    <div class="article-reader" ref={host}>
      <ReaderFrame frameKey={article.id} frameTitle={t('libReaderFrame')} start={start} />
    </div>
  );
}

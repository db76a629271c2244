import { useEffect, useRef, useState } from 'preact/hooks';
import { highlightText } from '@/lib/export/highlights-md';
import type { Article, Highlight } from '@/lib/model';
import type { OutlineNode } from '@/lib/types';
import { storedExportItems } from '@/pages/library/stored-export-items';
import { articleHref } from '@/protocol/highlight-link';
import type { ReplyTo, Request } from '@/protocol/messages';
import type { ArticleWithText } from './ArticleReader.tsx';
import { LazyArticleReader } from './LazyArticleReader.tsx';
import { COLOR_MESSAGE, type LibraryT } from './library-strings.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { TagsEditor } from './TagsEditor.tsx';

export interface ArticleViewProps {
  article: Article;
  highlights: Highlight[];
  t: LibraryT;
  formatDate: (iso: string) => string;
  /** A highlight to scroll to and focus (from a search hit). */
  focusHighlightId?: string;
  /** Requests to the background (the text reader reads and stores highlights itself). */
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  onBack: () => void;
  onDelete: () => void;
  onSaveNote: (highlightId: string, note: string) => Promise<string | null>;
  onSaveTags: (tags: string[]) => Promise<string | null>;
  /** Downloads this article as Markdown (with its text, as the export options say). */
  onExportMarkdown: () => void;
}

interface HighlightItemProps {
  h: Highlight;
  article: Article;
  t: LibraryT;
  onSaveNote: ArticleViewProps['onSaveNote'];
}

function HighlightItem({ h, article, t, onSaveNote }: HighlightItemProps) {
  return (
    <li class="highlight" data-id={h.id} data-color={h.color} tabIndex={-1}>
      <blockquote>
        <span class="dot" data-color={h.color} aria-label={t(COLOR_MESSAGE[h.color])} />{' '}
        {highlightText(h)}
      </blockquote>
      <NoteEditor highlightId={h.id} note={h.note} t={t} onSave={onSaveNote} />
      <a
        class="open-at"
        href={articleHref(article, h.id)}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t('libOpenAtHighlight')}
      </a>
    </li>
  );
}

const hasText = (article: Article): article is ArticleWithText =>
  (article.text?.blocks.length ?? 0) > 0;

/**
 * One saved article: actions, meta, tags, and
 * - with its saved text: the text reader (ArticleReader, loaded on demand) —
 *   the text with the outline beside it, highlights painted, notes in place,
 *   new highlights from the selection toolbar;
 * - without (saved before the text was kept): its outline with the highlights
 *   (and notes) under their points, and a line saying the text was not kept.
 */
export function ArticleView(props: ArticleViewProps) {
  const { article, highlights, t, formatDate, onSaveNote } = props;
  const root = useRef<HTMLElement>(null);
  const withText = hasText(article);
  /** Highlights now: the reader makes and removes them without the view. */
  const [count, setCount] = useState(highlights.length);
  const byNode = new Map<string, Highlight[]>();
  const intro: Highlight[] = [];
  // The outline view's lists (the reader places highlights in the text itself).
  for (const item of withText ? [] : storedExportItems(article, highlights)) {
    if (!item.nodePath) intro.push(item.highlight);
    else {
      const key = item.nodePath.join('.');
      byNode.set(key, [...(byNode.get(key) ?? []), item.highlight]);
    }
  }
  const list = (hs: Highlight[]) =>
    hs.length > 0 && (
      <ul class="highlights">
        {hs.map((h) => (
          <HighlightItem key={h.id} h={h} article={article} t={t} onSaveNote={onSaveNote} />
        ))}
      </ul>
    );
  const tree = (nodes: OutlineNode[], path: number[]) => (
    <ol class="outline">
      {nodes.map((n, i) => {
        const p = [...path, i];
        return (
          <li key={p.join('.')} data-level={n.level} data-id={p.join('.')}>
            <span class="point">
              {n.marker && <span class="marker">{n.marker}</span>} {n.text}
            </span>
            {list(byNode.get(p.join('.')) ?? [])}
            {n.children.length > 0 && tree(n.children, p)}
          </li>
        );
      })}
    </ol>
  );

  useEffect(() => {
    // With the text, the reader scrolls to the highlight in it (ArticleReader).
    const el =
      props.focusHighlightId && !withText
        ? root.current?.querySelector<HTMLElement>(
            `.highlight[data-id="${CSS.escape(props.focusHighlightId)}"]`,
          )
        : root.current?.querySelector<HTMLElement>('h2');
    // The heading is the view's top: the page is scrolled there without a forced layout
    // (scrollIntoView lays out the page before the reader's frame is in it, then again).
    if (el?.localName === 'h2') window.scrollTo?.(0, 0);
    else el?.scrollIntoView?.({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [article.id, props.focusHighlightId, withText]);

  const o = article.outline;
  return (
    <article
      class="article-view"
      data-id={article.id}
      data-reader={withText ? 'text' : 'outline'}
      ref={root}
    >
      <div class="view-actions">
        <button type="button" class="back" onClick={props.onBack}>
          {t('libBack')}
        </button>
        <a
          class="open-original"
          href={articleHref(article)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('libOpenOriginal')}
        </a>
        <button type="button" class="export-md" onClick={props.onExportMarkdown}>
          {t('libExportArticle')}
        </button>
        <button type="button" class="delete" onClick={props.onDelete}>
          {t('libDelete')}
        </button>
      </div>
      <h2 tabIndex={-1}>{article.title || o.title || article.url}</h2>
      <p class="meta">
        {[
          article.site,
          o.author,
          o.affiliation,
          t('librarySavedOn', [formatDate(article.savedAt)]),
          t('libraryHighlights', [String(withText ? count : highlights.length)]),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <TagsEditor tags={article.tags} t={t} onSave={props.onSaveTags} />
      {withText ? (
        <>
          {(article.text.cut ?? 0) > 0 && (
            <p class="text-cut">{t('libTextCut', [String(article.text.cut)])}</p>
          )}
          <LazyArticleReader
            article={article}
            send={props.send}
            t={t}
            focusHighlightId={props.focusHighlightId}
            onCount={setCount}
            highlights={highlights}
          />
        </>
      ) : (
        <>
          <p class="no-text">{t('libNoText')}</p>
          {intro.length > 0 && (
            <section class="intro">
              <h3>{t('libIntro')}</h3>
              {list(intro)}
            </section>
          )}
          {o.nodes.length > 0 ? tree(o.nodes, []) : <p class="empty">{t('libNoOutline')}</p>}
        </>
      )}
    </article>
  );
}

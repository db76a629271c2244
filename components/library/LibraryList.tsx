import type { ArticleSummary } from '@/protocol/messages';
import { COLOR_MESSAGE, type LibraryT } from './library-strings.ts';
import { optionProps } from './listbox.ts';
import { useRenderSteps } from './use-render-steps.ts';

export type { LibraryMessage } from './library-strings.ts';

export type LibraryState =
  | { kind: 'loading' }
  | { kind: 'ready'; articles: ArticleSummary[] }
  | { kind: 'error'; error: string };

export interface LibraryListProps {
  state: LibraryState;
  t: LibraryT;
  /** Formats an ISO date for the reader's locale. */
  formatDate: (iso: string) => string;
  /** Ids of the articles ticked for export. */
  selected?: ReadonlySet<string>;
  onToggleSelect?: (id: string) => void;
  /** Opens the article view (title click, Enter). */
  onOpen?: (id: string) => void;
  /** The row the keyboard is on (↑/↓). */
  activeId?: string | null;
  onActivate?: (id: string) => void;
  /** Filters are on: an empty list means "nothing matches", not "library empty". */
  filtered?: boolean;
}

/** Rows rendered at first, and added each time the end of the list comes near. */
export const RENDER_STEP = 100;

/**
 * The saved articles: title (a link to the page; a plain click opens the
 * article view), site, author, saved date, points and highlights, tags and
 * the colours of its highlights, with a tick box for export.
 */
export function LibraryList(props: LibraryListProps) {
  const { state, t, formatDate, selected, onToggleSelect, onOpen, activeId, onActivate } = props;
  const ids = state.kind === 'ready' ? state.articles.map((a) => a.id) : [];
  // A long list is rendered in steps: more rows when its end scrolls near, or
  // when the keyboard moves past the last one rendered.
  const { limit, more, hasMore } = useRenderSteps(
    ids.length,
    activeId ? ids.indexOf(activeId) : -1,
    RENDER_STEP,
  );
  return (
    <div class="library-list" data-state={state.kind}>
      {state.kind === 'loading' && <p>{t('libraryLoading')}</p>}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {t('libraryError', [state.error])}
        </p>
      )}
      {state.kind === 'ready' && state.articles.length === 0 && (
        <p class="empty">{props.filtered ? t('libNoMatch') : t('libraryEmpty')}</p>
      )}
      {state.kind === 'ready' && state.articles.length > 0 && (
        <ol class="articles" role="listbox" aria-label={t('libraryTitle')}>
          {state.articles.slice(0, limit).map((a) => (
            <li key={a.id} class="article" {...optionProps(a.id, ids, activeId, onActivate)}>
              {onToggleSelect && (
                <input
                  type="checkbox"
                  class="select"
                  aria-label={t('libSelect')}
                  checked={selected?.has(a.id) ?? false}
                  onChange={() => onToggleSelect(a.id)}
                />
              )}
              <div class="body">
                <a
                  href={a.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  tabIndex={onOpen ? -1 : 0}
                  onClick={(e) => {
                    // A plain click opens the article here; Ctrl/⌘/middle click still opens the page.
                    if (!onOpen || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    onOpen(a.id);
                  }}
                >
                  {a.title || a.url}
                </a>
                <div class="meta">
                  {[
                    a.site,
                    a.author,
                    t('librarySavedOn', [formatDate(a.savedAt)]),
                    t('libraryPoints', [String(a.points)]),
                    t('libraryHighlights', [String(a.highlights)]),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {((a.tags?.length ?? 0) > 0 || (a.colors?.length ?? 0) > 0) && (
                  <div class="labels">
                    {(a.colors ?? []).map((c) => (
                      <span
                        key={c}
                        class="dot"
                        data-color={c}
                        title={t(COLOR_MESSAGE[c])}
                        aria-label={t(COLOR_MESSAGE[c])}
                      />
                    ))}
                    {(a.tags ?? []).map((tag) => (
                      <span key={tag} class="tag">
                        {tag}
                      </span>
                    ))}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {hasMore && <div class="more" ref={more} aria-hidden="true" />}
    </div>
  );
}

import type { ArticleSummary } from '@/utils/messages';

/** The UI strings the library page needs, by message name in public/_locales. */
export type LibraryMessage =
  | 'libraryTitle'
  | 'libraryLoading'
  | 'libraryEmpty'
  | 'libraryPlaceholderNote'
  | 'libraryPoints'
  | 'libraryHighlights'
  | 'librarySavedOn'
  | 'libraryError';

export type LibraryState =
  | { kind: 'loading' }
  | { kind: 'ready'; articles: ArticleSummary[] }
  | { kind: 'error'; error: string };

export interface LibraryListProps {
  state: LibraryState;
  t: (name: LibraryMessage, substitutions?: string[]) => string;
  /** Formats an ISO date for the reader's locale. */
  formatDate: (iso: string) => string;
}

/** The library page (placeholder): saved articles, newest first. */
export function LibraryList({ state, t, formatDate }: LibraryListProps) {
  return (
    <main class="library" data-state={state.kind}>
      <h1>{t('libraryTitle')}</h1>
      <p class="note">{t('libraryPlaceholderNote')}</p>
      {state.kind === 'loading' && <p>{t('libraryLoading')}</p>}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {t('libraryError', [state.error])}
        </p>
      )}
      {state.kind === 'ready' && state.articles.length === 0 && (
        <p class="empty">{t('libraryEmpty')}</p>
      )}
      {state.kind === 'ready' && state.articles.length > 0 && (
        <ol class="articles">
          {state.articles.map((a) => (
            <li key={a.id} class="article" data-id={a.id}>
              <a href={a.url} target="_blank" rel="noopener noreferrer">
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
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

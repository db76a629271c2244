import { useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import type { SearchField, SearchResult } from '@/protocol/messages';
import type { LibraryMessage, LibraryT } from './library-strings.ts';
import { optionProps } from './listbox.ts';
import { MarkedText } from './MarkedText.tsx';
import { useRenderSteps } from './use-render-steps.ts';

const FIELD: Record<SearchField, LibraryMessage> = {
  title: 'libFieldTitle',
  author: 'libFieldAuthor',
  outline: 'libFieldOutline',
  formulation: 'libFieldFormulation',
  body: 'libFieldBody',
  highlight: 'libFieldHighlight',
  note: 'libFieldNote',
};

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'ready'; query: string; results: SearchResult[] }
  | { kind: 'error'; query: string; error: string };

export interface SearchResultsProps {
  state: SearchState;
  t: LibraryT;
  formatDate: (iso: string) => string;
  activeId: string | null;
  onActivate: (id: string) => void;
  /** Opens the article (at the highlight, when the hit is one). */
  onOpen: (id: string, highlightId?: string) => void;
}

/**
 * Results rendered at first, and added as the end comes near: a common word's
 * 50 results hold hundreds of marked snippets, and the first screen should
 * not wait for them.
 */
export const RESULT_STEP = 10;

/**
 * Places shown per result until the reader asks for the rest: a common word
 * matches in a dozen highlights of one article, and a screen of ten results
 * with every hit laid out took the page longer than the search itself.
 */
export const HITS_SHOWN = 4;

/** Search results: each article with every place it matched, the match marked in a snippet. */
export function SearchResults({
  state,
  t,
  formatDate,
  activeId,
  onActivate,
  onOpen,
}: SearchResultsProps) {
  const results = state.kind === 'ready' ? state.results : [];
  const ids = results.map((r) => r.articleId);
  const { limit, more, hasMore } = useRenderSteps(
    ids.length,
    activeId ? ids.indexOf(activeId) : -1,
    RESULT_STEP,
  );
  // Results shown with all their hits, for this set of results only.
  const [expanded, setExpanded] = useState<{ of: SearchResult[]; ids: ReadonlySet<string> }>({
    of: results,
    ids: new Set(),
  });
  const whole = expanded.of === results ? expanded.ids : new Set<string>();
  const expand = (id: string) => setExpanded({ of: results, ids: new Set([...whole, id]) });
  if (state.kind === 'idle') return null;
  if (state.kind === 'searching') return <p class="searching">{t('libSearching')}</p>;
  if (state.kind === 'error')
    return (
      <p class="error" role="alert">
        {t('libFailed', [state.error])}
      </p>
    );
  if (results.length === 0)
    return <p class="empty search-none">{t('libSearchNone', [state.query])}</p>;
  return (
    <>
      <ol class="results" role="listbox" aria-label={t('libSearch')}>
        {results.slice(0, limit).map((r) => (
          <li
            key={r.articleId}
            class="result"
            {...optionProps(r.articleId, ids, activeId, onActivate)}
            onKeyDown={(e) => {
              // → on a result shows all its places (the "N more places" button).
              if (e.key !== 'ArrowRight' || e.target !== e.currentTarget || composing(e)) return;
              if (whole.has(r.articleId) || r.hits.length <= HITS_SHOWN) return;
              e.preventDefault();
              expand(r.articleId);
            }}
          >
            <button
              type="button"
              class="result-title"
              tabIndex={-1}
              onClick={() => onOpen(r.articleId)}
            >
              {r.title || r.articleId}
            </button>
            <div class="meta">
              {[r.site, r.author, t('librarySavedOn', [formatDate(r.savedAt)])]
                .filter(Boolean)
                .join(' · ')}
            </div>
            <ul class="hits">
              {(whole.has(r.articleId) ? r.hits : r.hits.slice(0, HITS_SHOWN)).map((h, i) => (
                <li key={i} class="hit" data-field={h.field}>
                  <span class="field">{t(FIELD[h.field])}</span>{' '}
                  {h.highlightId ? (
                    <button
                      type="button"
                      class="snippet link"
                      tabIndex={-1}
                      onClick={() => onOpen(r.articleId, h.highlightId)}
                    >
                      <MarkedText {...h} />
                    </button>
                  ) : (
                    <span class="snippet">
                      <MarkedText {...h} />
                    </span>
                  )}
                </li>
              ))}
              {!whole.has(r.articleId) && r.hits.length > HITS_SHOWN && (
                <li class="hit more-hits">
                  <button
                    type="button"
                    class="link"
                    tabIndex={-1}
                    onClick={() => expand(r.articleId)}
                  >
                    {t('libMoreHits', [String(r.hits.length - HITS_SHOWN)])}
                  </button>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ol>
      {hasMore && <div class="more" ref={more} aria-hidden="true" />}
    </>
  );
}

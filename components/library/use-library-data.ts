/**
 * The library page's data hooks: the list (its first screen at once, then the
 * rest) with the filter choices, and the debounced search. The requests are
 * pages/library/library-actions.ts.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FIRST_PAGE, type LibraryActions } from '@/pages/library/library-actions';
import type { LibraryFacets, ListQuery } from '@/protocol/messages';
import type { LibraryState } from './LibraryList.tsx';
import type { SearchState } from './SearchResults.tsx';

/** Quiet time after typing before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The list for `query` and the library's sites and tags, reloaded when
 * `version` changes. `onWhole` gets the ids of the whole unfiltered library
 * each time it has been read (to drop ticks of deleted articles).
 */
export function useLibraryList(
  actions: LibraryActions,
  query: ListQuery,
  version: number,
  onWhole: (ids: Set<string>) => void,
): { list: LibraryState; facets: LibraryFacets } {
  const [list, setList] = useState<LibraryState>({ kind: 'loading' });
  const [facets, setFacets] = useState<LibraryFacets>({ sites: [], tags: [] });
  // A layout effect: it runs as the page is built, so the first screen's reply
  // renders as soon as it lands. A plain effect would wait for the first
  // frame to be painted (a 15–40 ms wait on a cold load, where the reply
  // often lands before that frame).
  useLayoutEffect(() => {
    let live = true;
    const unfiltered = !Object.keys(query).some((k) => k !== 'sort' && k !== 'order');
    const show = (r: Awaited<ReturnType<LibraryActions['list']>>, whole: boolean) => {
      if (!live) return;
      setList(r.ok ? { kind: 'ready', articles: r.value } : { kind: 'error', error: r.error });
      if (r.ok && whole && unfiltered) onWhole(new Set(r.value.map((a) => a.id)));
    };
    void actions.listHead(query).then((head) => {
      // A short list is already whole.
      const whole = !head.ok || head.value.length < FIRST_PAGE;
      show(head, whole);
      if (!whole && live) void actions.list(query).then((all) => show(all, true));
      // The filter choices after the first screen, which they would only delay.
      if (live)
        void actions.facets().then((r) => {
          if (live && r.ok) setFacets(r.value);
        });
    });
    return () => {
      live = false;
    };
    // onWhole only filters the ticks: a new one need not read the list again.
  }, [actions, query, version]);
  return { list, facets };
}

const IDLE: SearchState = { kind: 'idle' };

/**
 * How a change of the search box runs the search: after the quiet time
 * (`typed`, letter by letter), at once (`now`: a word an input method
 * committed, a paste, the box cleared), or not yet (`composing`: an input
 * method's unfinished letters, shi'jian, are not the query).
 */
export type SearchTiming = 'typed' | 'now' | 'composing';

/** The text searched for, and whether at once ({@link SearchTiming}). */
export interface SearchRun {
  text: string;
  now: boolean;
}

/** The next {@link SearchRun} for a change of the box: the same one while composing or unchanged. */
export function nextRun(run: SearchRun, text: string, timing: SearchTiming): SearchRun {
  if (timing === 'composing' || text.trim() === run.text.trim()) return run;
  return { text, now: timing === 'now' };
}

/** A request made as the box changed, before the page rendered (see {@link useSearchBox}). */
export interface StartedSearch {
  query: string;
  version: number;
  reply: ReturnType<LibraryActions['search']>;
}

/**
 * The results for the search text: at once or SEARCH_DEBOUNCE_MS after the
 * last change. A search `started` for the same text and version is the one
 * answered (taken: it answers once).
 */
export function useSearch(
  actions: LibraryActions,
  run: SearchRun,
  version: number,
  started?: { current: StartedSearch | null },
): SearchState {
  const q = run.text.trim();
  const { now } = run;
  // One search per run of the effect below (same inputs): its answer is shown only for it.
  const search = useMemo(() => ({}), [actions, q, now, version]);
  const [answer, setAnswer] = useState<{ found: SearchState; of: object | null }>({
    found: IDLE,
    of: null,
  });
  // A layout effect: the quiet time starts as the keystroke renders, not a frame later
  // once it has been painted (a plain effect's wait, added to every search).
  useLayoutEffect(() => {
    if (!q) return;
    let live = true;
    const ahead = started?.current;
    if (started) started.current = null;
    const reply = () =>
      ahead && ahead.query === q && ahead.version === version ? ahead.reply : actions.search(q);
    const go = () =>
      void reply().then((r) => {
        if (!live) return;
        setAnswer({
          found: r.ok
            ? { kind: 'ready', query: q, results: r.value }
            : { kind: 'error', query: q, error: r.error },
          of: search,
        });
      });
    const timer = now ? go() : setTimeout(go, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);
  // Searching until this search's answer is in: worked out as the page renders, not set
  // by the effect, which rendered the whole page a second time before the first frame of
  // every search.
  if (!q) return IDLE;
  return answer.of === search ? answer.found : { kind: 'searching', query: q };
}

/**
 * The search box: its text, the change handler for it ({@link SearchTiming}),
 * and the results. A search run at once is requested as the box changes,
 * before the page renders the change: the library's worker answers while
 * the page renders.
 */
export function useSearchBox(
  actions: LibraryActions,
  version: number,
): {
  text: string;
  change: (text: string, timing?: SearchTiming) => void;
  found: SearchState;
} {
  // The box's text, and the text searched for (not an input method's unfinished letters).
  const [text, setText] = useState('');
  const [run, setRun] = useState<SearchRun>({ text: '', now: false });
  const current = useRef(run);
  const started = useRef<StartedSearch | null>(null);
  const change = useCallback(
    (next: string, timing: SearchTiming = 'now') => {
      setText(next);
      const r = nextRun(current.current, next, timing);
      if (r === current.current) return;
      current.current = r;
      const query = r.text.trim();
      started.current = r.now && query ? { query, version, reply: actions.search(query) } : null;
      setRun(r);
    },
    [actions, version],
  );
  return { text, change, found: useSearch(actions, run, version, started) };
}

import { useEffect } from 'preact/hooks';
import { composing } from '../ime.ts';
import { shownElement } from './listbox.ts';

export interface LibraryKeysOptions {
  view: 'list' | 'article';
  /** The rows on screen (list or search results), in order. */
  shownIds: string[];
  activeId: string | null;
  setActiveId: (id: string) => void;
  open: (id: string) => void;
  back: () => void;
  searchRef: { current: HTMLInputElement | null };
  search: string;
  setSearch: (s: string) => void;
}

const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The library's keys: ↑/↓ move through the list (or search results), Enter
 * opens the row, / focuses the search box, Esc goes back (article → list;
 * in the list, clears the search).
 */
export function useLibraryKeys(o: LibraryKeysOptions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // An input method's keys (its arrows, Enter and Esc pick, commit and cancel) are not ours.
      if (e.altKey || e.ctrlKey || e.metaKey || composing(e)) return;
      const inSearch = e.target === o.searchRef.current;
      const field = isField(e.target) && !inSearch;
      if (e.key === 'Escape') {
        if (o.view === 'article') {
          e.preventDefault();
          o.back();
        } else if (o.search) {
          e.preventDefault();
          o.setSearch('');
        }
        return;
      }
      if (field || o.view !== 'list') return;
      if (e.key === '/' && !inSearch) {
        e.preventDefault();
        o.searchRef.current?.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (o.shownIds.length === 0) return;
        e.preventDefault();
        // The focused row, else the active one (keys repeat faster than the page renders).
        const focused = (document.activeElement as HTMLElement | null)
          ?.closest?.('li[data-id]')
          ?.getAttribute('data-id');
        const from = focused && o.shownIds.includes(focused) ? focused : o.activeId;
        const i = from ? o.shownIds.indexOf(from) : -1;
        const next =
          e.key === 'ArrowDown'
            ? Math.min(o.shownIds.length - 1, i + 1)
            : Math.max(0, i < 0 ? 0 : i - 1);
        const id = o.shownIds[next]!;
        o.setActiveId(id);
        const row = () => shownElement(`li[data-id="${CSS.escape(id)}"]`);
        // A long list renders rows as they are reached: the row may come with the next render.
        if (row()) row()!.focus();
        else setTimeout(() => row()?.focus(), 0);
      } else if (e.key === 'Enter' && !inSearch) {
        const row = (e.target as HTMLElement).closest?.('li[data-id]');
        const id = row?.getAttribute('data-id') ?? o.activeId;
        if (id && o.shownIds.includes(id)) {
          e.preventDefault();
          o.open(id);
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [o]);
}

import { HIGHLIGHT_COLORS } from '@/lib/model';
import { LIST_SORTS, type ListQuery, type ListSort } from '@/protocol/messages';
import { COLOR_MESSAGE, type LibraryMessage, type LibraryT } from './library-strings.ts';
import type { SearchTiming } from './use-library-data.ts';

const SORT_LABEL: Record<ListSort, LibraryMessage> = {
  savedAt: 'libSortSavedAt',
  updatedAt: 'libSortUpdatedAt',
  title: 'libSortTitle',
  site: 'libSortSite',
};

/** The order list-articles uses when none is given: newest first for dates, A→Z for text. */
const defaultOrder = (sort: ListSort | undefined) =>
  sort === 'title' || sort === 'site' ? 'asc' : 'desc';

export interface FilterBarProps {
  t: LibraryT;
  query: ListQuery;
  onQuery: (q: ListQuery) => void;
  /** Choices for the site and tag filters (from the unfiltered library). */
  sites: string[];
  tags: string[];
  search: string;
  onSearch: (text: string, timing: SearchTiming) => void;
  searchRef: { current: HTMLInputElement | null };
}

/** Pasted or dropped text is the whole query: it is searched at once. */
const WHOLE_INPUT = new Set(['insertFromPaste', 'insertFromDrop']);

/**
 * When a change of the search box is searched for: not while an input method
 * composes (its commit, the compositionend, searches at once), at once for a
 * paste, else after the quiet time.
 */
export function inputTiming(e: InputEvent): SearchTiming {
  if (e.isComposing) return 'composing';
  return WHOLE_INPUT.has(e.inputType) ? 'now' : 'typed';
}

/** The search box, then sort and filters (site, tag, colour, saved-date range). */
export function FilterBar({
  t,
  query,
  onQuery,
  sites,
  tags,
  search,
  onSearch,
  searchRef,
}: FilterBarProps) {
  const set = (patch: Partial<ListQuery>) => {
    const next: ListQuery = { ...query, ...patch };
    for (const k of Object.keys(next) as (keyof ListQuery)[]) if (!next[k]) delete next[k];
    onQuery(next);
  };
  const select = (
    cls: string,
    label: LibraryMessage,
    value: string | undefined,
    options: { value: string; label: string }[],
    change: (v: string) => void,
  ) => (
    <label class={cls}>
      <span>{t(label)}</span>
      <select value={value ?? ''} onChange={(e) => change(e.currentTarget.value)}>
        <option value="">{t('libFilterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const filtering = !!(query.site || query.tag || query.color || query.from || query.to);
  return (
    <div class="filter-bar">
      <input
        ref={searchRef}
        type="search"
        class="search"
        value={search}
        placeholder={t('libSearchHint')}
        aria-label={t('libSearch')}
        onInput={(e) => onSearch(e.currentTarget.value, inputTiming(e as unknown as InputEvent))}
        onCompositionEnd={(e) => onSearch(e.currentTarget.value, 'now')}
      />
      <div class="filters">
        <label class="sort">
          <span>{t('libSort')}</span>
          <select
            value={query.sort ?? 'savedAt'}
            onChange={(e) => set({ sort: e.currentTarget.value as ListSort })}
          >
            {LIST_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABEL[s])}
              </option>
            ))}
          </select>
          <select
            class="order"
            value={query.order ?? defaultOrder(query.sort)}
            aria-label={t('libSort')}
            onChange={(e) =>
              set({ order: (e.currentTarget.value || undefined) as ListQuery['order'] })
            }
          >
            <option value="asc">{t('libOrderAsc')}</option>
            <option value="desc">{t('libOrderDesc')}</option>
          </select>
        </label>
        {select(
          'filter-site',
          'libFilterSite',
          query.site,
          sites.map((s) => ({ value: s, label: s })),
          (v) => set({ site: v }),
        )}
        {select(
          'filter-tag',
          'libFilterTag',
          query.tag,
          tags.map((s) => ({ value: s, label: s })),
          (v) => set({ tag: v }),
        )}
        {select(
          'filter-color',
          'libFilterColor',
          query.color,
          HIGHLIGHT_COLORS.map((c) => ({ value: c, label: t(COLOR_MESSAGE[c]) })),
          (v) => set({ color: (v || undefined) as ListQuery['color'] }),
        )}
        <label class="from">
          <span>{t('libFilterFrom')}</span>
          <input
            type="date"
            value={query.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label class="to">
          <span>{t('libFilterTo')}</span>
          <input
            type="date"
            value={query.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        {filtering && (
          <button
            type="button"
            class="clear"
            onClick={() => onQuery({ sort: query.sort, order: query.order })}
          >
            {t('libFilterClear')}
          </button>
        )}
      </div>
    </div>
  );
}

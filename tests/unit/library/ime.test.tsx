/**
 * The library with an input method (拼音): the unfinished letters in the
 * search box are not searched for, the committed word is searched at once,
 * and the keys that pick, commit or cancel candidates are not shortcuts.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterBar, inputTiming } from '@/components/library/FilterBar';
import { NoteEditor } from '@/components/library/NoteEditor';
import { TagsEditor } from '@/components/library/TagsEditor';
import type { LibraryT } from '@/components/library/library-strings';
import {
  nextRun,
  SEARCH_DEBOUNCE_MS,
  useSearch,
  useSearchBox,
  type SearchRun,
  type SearchTiming,
} from '@/components/library/use-library-data';
import type { LibraryActions } from '@/pages/library/library-actions';
import { useLibraryKeys, type LibraryKeysOptions } from '@/components/library/use-library-keys';
import { mount } from '../mount';

const t = ((name: string) => name) as LibraryT;

afterEach(() => {
  document.body.innerHTML = '';
});

/** What the input method sends as it composes 时间 from shi'jian: Chrome's order. */
function composeInto(box: HTMLInputElement, steps: string[], word: string): void {
  box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
  for (const text of [...steps, word]) {
    box.value = text;
    box.dispatchEvent(
      new InputEvent('input', {
        bubbles: true,
        isComposing: true,
        inputType: 'insertCompositionText',
      }),
    );
  }
  box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: word }));
}

describe('inputTiming and nextRun', () => {
  it.each([
    [{ isComposing: true, inputType: 'insertCompositionText' }, 'composing'],
    [{ inputType: 'insertText' }, 'typed'],
    [{ inputType: 'deleteContentBackward' }, 'typed'],
    [{ inputType: 'insertFromPaste' }, 'now'],
    [{ inputType: 'insertFromDrop' }, 'now'],
  ] as const)('%j is %s', (init, want) => {
    expect(inputTiming(new InputEvent('input', init))).toBe(want);
  });

  it('keeps the run while composing or when only spaces changed, else starts a new one', () => {
    const run: SearchRun = { text: '发展', now: false };
    expect(nextRun(run, "fa'zhan", 'composing')).toBe(run);
    expect(nextRun(run, ' 发展 ', 'typed')).toBe(run);
    expect(nextRun(run, '发展', 'now')).toBe(run);
    expect(nextRun(run, '发展观', 'typed')).toEqual({ text: '发展观', now: false });
    expect(nextRun(run, '发展观', 'now')).toEqual({ text: '发展观', now: true });
  });
});

describe('useSearch', () => {
  function SearchProbe({ actions, run }: { actions: LibraryActions; run: SearchRun }) {
    return <p>{useSearch(actions, run, 0).kind}</p>;
  }
  const searchFor = (run: SearchRun) => {
    const search = vi.fn(async () => ({ ok: true as const, value: [] }));
    mount(<SearchProbe actions={{ search } as unknown as LibraryActions} run={run} />);
    return search;
  };

  it('searches a committed word at once, typed letters after the quiet time', () => {
    vi.useFakeTimers();
    try {
      expect(searchFor({ text: '时间', now: true })).toHaveBeenCalledWith('时间');
      const typed = searchFor({ text: 'time', now: false });
      expect(typed).not.toHaveBeenCalled();
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
      expect(typed).toHaveBeenCalledWith('time');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('useSearchBox', () => {
  it('requests a committed word as the box changes, once, before the page renders it', async () => {
    const search = vi.fn(async (q: string) => ({
      ok: true as const,
      value: [{ articleId: 'a', title: q, site: 's', savedAt: '2026-01-01', hits: [] }],
    }));
    const actions = { search } as unknown as LibraryActions;
    let change!: (text: string, timing?: SearchTiming) => void;
    function BoxProbe() {
      const box = useSearchBox(actions, 0);
      change = box.change;
      return <p>{box.found.kind === 'ready' ? box.found.results[0]!.title : box.found.kind}</p>;
    }
    const root = mount(<BoxProbe />);
    change("shi'jian", 'composing');
    change('时间', 'now');
    expect(search.mock.calls).toEqual([['时间']]);
    await act(async () => {
      await search.mock.results[0]!.value;
    });
    expect(root.textContent).toBe('时间');
    expect(search).toHaveBeenCalledTimes(1);
  });
});

describe('FilterBar, the search box', () => {
  it('shows the letters being composed, but searches only the committed word, at once', () => {
    const onSearch = vi.fn();
    const root = mount(
      <FilterBar
        t={t}
        query={{}}
        onQuery={() => {}}
        sites={[]}
        tags={[]}
        search=""
        onSearch={onSearch}
        searchRef={{ current: null }}
      />,
    );
    const box = root.querySelector<HTMLInputElement>('input.search')!;
    act(() => composeInto(box, ['shi', "shi'jian"], '时间'));
    expect(onSearch.mock.calls).toEqual([
      ['shi', 'composing'],
      ["shi'jian", 'composing'],
      ['时间', 'composing'],
      ['时间', 'now'],
    ]);
  });
});

function KeysProbe(o: LibraryKeysOptions) {
  useLibraryKeys(o);
  return <input class="search" ref={(el) => void (o.searchRef.current = el)} />;
}

describe('useLibraryKeys with an input method', () => {
  const setup = () => {
    const o = {
      view: 'list' as const,
      shownIds: ['a', 'b'],
      activeId: null,
      setActiveId: vi.fn(),
      open: vi.fn(),
      back: vi.fn(),
      searchRef: { current: null as HTMLInputElement | null },
      search: "shi'jian",
      setSearch: vi.fn(),
    };
    const root = mount(<KeysProbe {...o} />);
    const box = root.querySelector<HTMLInputElement>('input.search')!;
    const key = (init: KeyboardEventInit) =>
      act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init })));
    return { o, key };
  };

  it('leaves Esc and the arrows to the input method while it composes', () => {
    const { o, key } = setup();
    key({ key: 'Escape', isComposing: true });
    key({ key: 'ArrowDown', isComposing: true });
    key({ key: 'ArrowDown', keyCode: 229 });
    expect(o.setSearch).not.toHaveBeenCalled();
    expect(o.setActiveId).not.toHaveBeenCalled();
  });

  it('takes them once it has committed', () => {
    const { o, key } = setup();
    key({ key: 'ArrowDown' });
    expect(o.setActiveId).toHaveBeenCalledWith('a');
    key({ key: 'Escape' });
    expect(o.setSearch).toHaveBeenCalledWith('');
  });
});

describe('the article view’s fields with an input method', () => {
  it('the Enter that commits letters in the tags field does not save them', async () => {
    const onSave = vi.fn(async () => null);
    const root = mount(<TagsEditor tags={[]} t={t} onSave={onSave} />);
    const field = root.querySelector<HTMLInputElement>('.tags-input')!;
    await act(async () => {
      field.value = 'jing';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    });
    await act(async () => {
      field.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true }),
      );
    });
    expect(onSave).not.toHaveBeenCalled();
    await act(async () => {
      field.value = '精读';
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(onSave).toHaveBeenCalledWith(['精读']);
  });

  it('Esc while composing a note does not leave the field', async () => {
    const root = mount(<NoteEditor highlightId="h1" note="" t={t} onSave={async () => null} />);
    const area = root.querySelector('textarea')!;
    area.focus();
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    await act(async () => {
      area.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true }),
      );
    });
    document.removeEventListener('keydown', outside);
    expect(document.activeElement).toBe(area);
    expect(outside).toHaveBeenCalledTimes(1);
  });
});

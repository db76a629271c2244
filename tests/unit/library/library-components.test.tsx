import { render } from 'preact';
import { act } from 'preact/test-utils';
import { mount } from '../mount';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/library/NoteEditor';
import { HITS_SHOWN, RESULT_STEP, SearchResults } from '@/components/library/SearchResults';
import { parseTags } from '@/components/library/TagsEditor';
import type { LibraryT } from '@/components/library/library-strings';
import type { SearchResult } from '@/protocol/messages';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as LibraryT;

afterEach(() => {
  document.body.innerHTML = '';
});

/** The results of `query`, shown with nothing to do on a click. */
const readyView = (query: string, results: SearchResult[], activeId: string | null = null) => (
  <SearchResults
    t={t}
    formatDate={String}
    activeId={activeId}
    onActivate={() => {}}
    onOpen={() => {}}
    state={{ kind: 'ready', query, results }}
  />
);

describe('SearchResults', () => {
  it('shows the field and the snippet with the match in <mark>, page text never parsed as HTML', () => {
    const onOpen = vi.fn();
    const root = mount(
      <SearchResults
        t={t}
        formatDate={String}
        activeId={null}
        onActivate={() => {}}
        onOpen={onOpen}
        state={{
          kind: 'ready',
          query: '壁垒',
          results: [
            {
              articleId: 'a',
              title: '<img src=x onerror=alert(1)>论',
              site: 'e.cn',
              author: null,
              savedAt: '2025-01-01',
              hits: [
                {
                  field: 'highlight',
                  text: '打通<b>信息壁垒</b>',
                  spans: [[7, 9]],
                  cutBefore: true,
                  cutAfter: false,
                  highlightId: 'h1',
                },
              ],
            },
          ],
        }}
      />,
    );
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.result-title')?.textContent).toBe('<img src=x onerror=alert(1)>论');
    const hit = root.querySelector('.hit')!;
    expect(hit.getAttribute('data-field')).toBe('highlight');
    expect(hit.querySelector('.field')?.textContent).toBe('libFieldHighlight');
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['壁垒']);
    expect(hit.querySelector('.snippet')?.textContent).toBe('…打通<b>信息壁垒</b>');
    (hit.querySelector('button.snippet') as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledWith('a', 'h1');
  });

  it('says when nothing was found', () => {
    const root = mount(readyView('默想', []));
    expect(root.textContent).toBe('libSearchNone(默想)');
  });
});

describe('SearchResults, an article matching in many places', () => {
  const hits = Array.from({ length: 7 }, (_, i) => ({
    field: 'highlight' as const,
    text: `发展${i}`,
    spans: [[0, 2]] as Array<[number, number]>,
    cutBefore: false,
    cutAfter: false,
    highlightId: `h${i}`,
  }));
  const view = (results: SearchResult[]) => readyView('发展', results);
  const result = (articleId: string): SearchResult => ({
    articleId,
    title: '论发展',
    site: 'e.cn',
    author: null,
    savedAt: '2025-01-01',
    hits,
  });

  it('shows the first places and the rest on request, for these results only', () => {
    const first = [result('a'), result('b')];
    const root = mount(view(first));
    const shown = (id: string) =>
      root.querySelectorAll(`li[data-id="${id}"] .hit:not(.more-hits)`).length;
    expect(shown('a')).toBe(HITS_SHOWN);
    const more = root.querySelector<HTMLButtonElement>('li[data-id="a"] .more-hits button')!;
    expect(more.textContent).toBe(`libMoreHits(${7 - HITS_SHOWN})`);
    act(() => more.click());
    expect(shown('a')).toBe(7);
    expect(root.querySelector('li[data-id="a"] .more-hits')).toBeNull();
    expect(shown('b')).toBe(HITS_SHOWN);
    // A new search starts folded again.
    act(() => render(view([result('a')]), root));
    expect(shown('a')).toBe(HITS_SHOWN);
  });

  it('→ on a result shows all its places; not while an input method composes', () => {
    const root = mount(view([result('a')]));
    const row = root.querySelector<HTMLElement>('li[data-id="a"]')!;
    const shown = () => row.querySelectorAll('.hit:not(.more-hits)').length;
    const right = (init: KeyboardEventInit = {}) =>
      act(() => {
        row.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, ...init }),
        );
      });
    right({ isComposing: true });
    expect(shown()).toBe(HITS_SHOWN);
    right();
    expect(shown()).toBe(7);
  });
});

describe('SearchResults, 50 results', () => {
  const results: SearchResult[] = Array.from({ length: 50 }, (_, i) => ({
    articleId: `a${i}`,
    title: `文章${i}`,
    site: 'e.cn',
    author: null,
    savedAt: '2025-01-01',
    hits: [
      { field: 'title', text: `文章${i}`, spans: [[0, 2]], cutBefore: false, cutAfter: false },
    ],
  }));
  const view = (activeId: string | null) => readyView('文章', results, activeId);

  it('renders the first results at once, with a marker where more will come', () => {
    const root = mount(view(null));
    expect(root.querySelectorAll('li.result')).toHaveLength(RESULT_STEP);
    expect(root.querySelector('.more')).not.toBeNull();
  });

  it('renders past the active result, so the keyboard reaches every one', () => {
    const root = mount(view('a30'));
    expect(root.querySelector<HTMLElement>('li[data-id="a30"]')?.tabIndex).toBe(0);
    act(() => render(view('a49'), root));
    expect(root.querySelectorAll('li.result')).toHaveLength(50);
    expect(root.querySelector('.more')).toBeNull();
  });
});

describe('parseTags', () => {
  it.each([
    ['精读，社区, 精读 ', ['精读', '社区']],
    ['a、b；c;;', ['a', 'b', 'c']],
    ['  ', []],
  ])('%j', (text, want) => expect(parseTags(text)).toEqual(want));
});

describe('NoteEditor', () => {
  it('saves on Ctrl+Enter and on blur, only when changed, and says so', async () => {
    const onSave = vi.fn(async () => null);
    const root = mount(<NoteEditor highlightId="h1" note="旧" t={t} onSave={onSave} />);
    const area = root.querySelector('textarea')!;
    await act(async () => {
      area.dispatchEvent(new FocusEvent('blur'));
    });
    expect(onSave).not.toHaveBeenCalled();
    await act(async () => {
      area.value = '新笔记';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      area.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      );
    });
    expect(onSave).toHaveBeenCalledWith('h1', '新笔记');
    expect(root.querySelector('.note-status')?.textContent).toBe('libNoteSaved');
  });

  it('shows a failure as an alert', async () => {
    const root = mount(<NoteEditor highlightId="h1" note="" t={t} onSave={async () => 'gone'} />);
    const area = root.querySelector('textarea')!;
    await act(async () => {
      area.value = 'x';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      area.dispatchEvent(new FocusEvent('blur'));
    });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('libFailed(gone)');
  });
});

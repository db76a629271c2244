import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryList, RENDER_STEP } from '@/components/library/LibraryList';
import type { LibraryT } from '@/components/library/library-strings';
import type { ArticleSummary } from '@/protocol/messages';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as LibraryT;

afterEach(() => {
  document.body.innerHTML = '';
});

const articles: ArticleSummary[] = Array.from({ length: 450 }, (_, i) => ({
  id: `https://e.com/${i}`,
  url: `https://e.com/${i}`,
  site: 'e.com',
  title: `文章${i}`,
  author: null,
  savedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  tags: [],
  points: 0,
  highlights: 0,
  notes: 0,
  colors: [],
}));

function mount(activeId: string | null, root = document.createElement('div')) {
  document.body.append(root);
  act(() =>
    render(
      <LibraryList
        state={{ kind: 'ready', articles }}
        t={t}
        formatDate={String}
        activeId={activeId}
        onOpen={() => {}}
      />,
      root,
    ),
  );
  return root;
}

describe('LibraryList, a long list', () => {
  it('renders the first rows, with a marker where more will come', () => {
    const root = mount(null);
    expect(root.querySelectorAll('li.article')).toHaveLength(RENDER_STEP);
    expect(root.querySelector('.more')).not.toBeNull();
    expect(root.querySelector('li.article')?.getAttribute('tabindex')).toBe('0');
  });

  it('renders past the active row, so the keyboard can reach any row', () => {
    const root = mount('https://e.com/300');
    const row = root.querySelector<HTMLElement>('li[data-id="https://e.com/300"]');
    expect(row).not.toBeNull();
    expect(row!.tabIndex).toBe(0);
    expect(root.querySelectorAll('li.article').length).toBeGreaterThan(300);
    mount('https://e.com/449', root);
    expect(root.querySelectorAll('li.article')).toHaveLength(450);
    expect(root.querySelector('.more')).toBeNull();
  });
});

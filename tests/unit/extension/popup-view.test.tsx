import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '@/components/popup/PopupView';
import { LibraryList } from '@/components/library/LibraryList';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as PopupViewProps['t'];

function show(overrides: Partial<PopupViewProps> = {}) {
  const actions = {
    onOpenSidebar: vi.fn(),
    onSave: vi.fn(),
    onExport: vi.fn(),
    onOpenLibrary: vi.fn(),
    onPaste: vi.fn(),
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <PopupView
      state={{
        kind: 'ready',
        status: {
          count: 12,
          title: '论',
          url: 'u',
          essay: true,
          exact: true,
          highlights: 2,
          saved: true,
        },
      }}
      t={t}
      notice={null}
      busy={false}
      restricted={false}
      actions={actions}
      {...overrides}
    />,
    root,
  );
  const button = (cls: string) => root.querySelector<HTMLButtonElement>(`button.${cls}`)!;
  return { root, actions, button };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PopupView', () => {
  it('shows points, highlights, saved state, and enables every action', () => {
    const { root, actions, button } = show();
    expect(root.querySelector('.count')?.textContent).toBe('popupPointsFound(12)');
    expect(root.querySelector('.highlights')?.textContent).toContain('popupHighlights(2)');
    expect(root.querySelector('.saved-badge')).not.toBeNull();
    expect(button('save').textContent).toBe('popupSaveAgain');
    for (const cls of ['open-sidebar', 'save', 'export', 'open-library', 'open-paste']) {
      expect(button(cls).disabled).toBe(false);
      button(cls).click();
    }
    expect(actions.onOpenSidebar).toHaveBeenCalledOnce();
    expect(actions.onSave).toHaveBeenCalledOnce();
    expect(actions.onExport).toHaveBeenCalledOnce();
    expect(actions.onOpenLibrary).toHaveBeenCalledOnce();
    expect(actions.onPaste).toHaveBeenCalledOnce();
  });

  it('saves and exports without an essay too (the page is reachable)', () => {
    const { root, button } = show({
      state: {
        kind: 'ready',
        status: {
          count: 0,
          title: null,
          url: 'u',
          essay: false,
          exact: true,
          highlights: 0,
          saved: false,
        },
      },
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupNoEssay');
    expect(button('save').disabled).toBe(false);
    expect(button('export').disabled).toBe(false);
    expect(button('open-sidebar').disabled).toBe(false);
  });

  it('explains a restricted page', () => {
    const { root, button } = show({ state: { kind: 'ready', status: null }, restricted: true });
    expect(root.querySelector('.restricted')?.textContent).toBe('popupRestricted');
    expect(button('open-sidebar').disabled).toBe(true);
    expect(button('open-library').disabled).toBe(false);
    // Pasting text needs no page at all.
    expect(button('open-paste').disabled).toBe(false);
  });

  it('shows notices with the right role, and waits while busy', () => {
    const { root, button } = show({ notice: { tone: 'error', text: 'bad' }, busy: true });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('bad');
    expect(button('save').disabled).toBe(true);
    const ok = show({ notice: { tone: 'info', text: 'done' } });
    expect(ok.root.querySelector('[role=status]')?.textContent).toBe('done');
  });
});

describe('LibraryList', () => {
  const lt = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);
  it('lists articles with link, site, author, date and counts', () => {
    const root = document.createElement('div');
    render(
      <LibraryList
        t={lt}
        formatDate={(iso) => iso.slice(0, 10)}
        state={{
          kind: 'ready',
          articles: [
            {
              id: 'https://e.com/a',
              url: 'https://e.com/a?x=1',
              site: 'e.com',
              title: '论基层治理',
              author: '张三',
              savedAt: '2025-01-02T00:00:00.000Z',
              updatedAt: '2025-01-02T00:00:00.000Z',
              tags: [],
              points: 12,
              highlights: 3,
              notes: 0,
              colors: ['yellow'],
            },
          ],
        }}
      />,
      root,
    );
    const link = root.querySelector('a')!;
    expect(link.textContent).toBe('论基层治理');
    expect(link.getAttribute('href')).toBe('https://e.com/a?x=1');
    expect(root.querySelector('.meta')?.textContent).toBe(
      'e.com · 张三 · librarySavedOn(2025-01-02) · libraryPoints(12) · libraryHighlights(3)',
    );
  });

  it('says when the library is empty or unreadable', () => {
    const root = document.createElement('div');
    render(
      <LibraryList t={lt} formatDate={String} state={{ kind: 'ready', articles: [] }} />,
      root,
    );
    expect(root.textContent).toContain('libraryEmpty');
    render(<LibraryList t={lt} formatDate={String} state={{ kind: 'error', error: 'x' }} />, root);
    expect(root.querySelector('[role=alert]')?.textContent).toBe('libraryError(x)');
  });
});

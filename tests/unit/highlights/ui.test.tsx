import { act } from 'preact/test-utils';
import { mount } from '../mount';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightSections } from '@/components/highlights/HighlightSections';
import { HighlightToolbar } from '@/components/highlights/HighlightToolbar';
import { buildTextMap } from '@/lib/anchoring/text-map';
import type { Highlight } from '@/lib/model';
import { createPainter, MARK_ATTR } from '@/content/highlight-painter';

const t = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);

const hl = (id: string, exact: string, note: string): Highlight => ({
  id,
  articleId: 'a',
  color: 'blue',
  note,
  selectors: [{ kind: 'quote', exact, prefix: '', suffix: '' }],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

afterEach(() => {
  document.body.innerHTML = '';
});

const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
  });

describe('HighlightToolbar', () => {
  const props = () => ({
    mode: 'new' as const,
    color: null,
    note: '',
    editing: false,
    t,
    onColor: vi.fn(),
    onNote: vi.fn(),
    onSaveNote: vi.fn(),
    onRemove: vi.fn(),
    onClose: vi.fn(),
  });

  it('offers five colours and a note; remove only for an existing highlight', () => {
    const p = props();
    const root = mount(<HighlightToolbar {...p} />);
    const colours = [...root.querySelectorAll('button.color')].map((b) =>
      b.getAttribute('data-color'),
    );
    expect(colours).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
    expect(root.querySelector('button.remove')).toBeNull();
    act(() => (root.querySelector('button[data-color="pink"]') as HTMLButtonElement).click());
    expect(p.onColor).toHaveBeenCalledWith('pink');
    const root2 = mount(<HighlightToolbar {...props()} mode="existing" color="green" />);
    expect(root2.querySelector('button.remove')).not.toBeNull();
    expect(root2.querySelector('button[data-color="green"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it("Esc closes; Enter in the note saves, Shift+Enter and an input method's Enter do not", () => {
    const p = props();
    const root = mount(<HighlightToolbar {...p} mode="existing" color="green" editing note="旧" />);
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(area.value).toBe('旧');
    key(area, 'Enter', { shiftKey: true });
    // The Enter and Esc of an input method (拼音) commit and cancel its letters.
    key(area, 'Enter', { isComposing: true });
    key(area, 'Enter', { keyCode: 229 });
    key(area, 'Escape', { isComposing: true });
    expect(p.onSaveNote).not.toHaveBeenCalled();
    expect(p.onClose).not.toHaveBeenCalled();
    key(area, 'Enter');
    expect(p.onSaveNote).toHaveBeenCalledWith('旧');
    key(area, 'Escape');
    expect(p.onClose).toHaveBeenCalled();
  });
});

describe('HighlightSections', () => {
  it('renders page text and notes as text, never as HTML', () => {
    const evil = hl('o1', '<img src=x onerror=alert(1)>', '<b>注意</b>');
    const root = mount(
      <HighlightSections
        intro={[]}
        orphans={[evil]}
        t={t}
        onGo={vi.fn()}
        onSaveNote={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.orphans .hl-text')?.textContent).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(root.querySelector('.orphans .hl-note')?.textContent).toBe('<b>注意</b>');
    expect(root.querySelector('.orphans .hl')?.getAttribute('data-placed')).toBe('false');
  });

  it('edits a note and deletes', () => {
    const onSaveNote = vi.fn();
    const onDelete = vi.fn();
    const root = mount(
      <HighlightSections
        intro={[hl('i1', '导语', '')]}
        orphans={[]}
        t={t}
        onGo={vi.fn()}
        onSaveNote={onSaveNote}
        onDelete={onDelete}
      />,
    );
    act(() => (root.querySelector('button.edit') as HTMLButtonElement).click());
    const area = root.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      area.value = '新的笔记';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (root.querySelector('button.save') as HTMLButtonElement).click());
    expect(onSaveNote).toHaveBeenCalledWith('i1', '新的笔记');
    act(() => (root.querySelector('button.delete') as HTMLButtonElement).click());
    expect(onDelete).toHaveBeenCalledWith('i1');
  });
});

describe('createPainter without the Custom Highlight API', () => {
  it('falls back to marks that keep the text and come off cleanly', () => {
    document.body.innerHTML = '<p>一是坚持<strong>党的全面领导</strong>，切实推进。</p>';
    const before = buildTextMap(document.body).text;
    const painter = createPainter(document, { ...window, CSS: undefined } as unknown as Window);
    expect(painter.kind).toBe('mark');
    const start = before.indexOf('坚持党的');
    painter.paint(document.body, [{ id: 'h', color: 'yellow', start, end: start + 8 }]);
    const marks = [...document.querySelectorAll(`mark[${MARK_ATTR}="h"]`)];
    expect(marks.map((m) => m.textContent).join('')).toBe('坚持党的全面领导');
    expect(buildTextMap(document.body).text).toBe(before);
    painter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(
      '<p>一是坚持<strong>党的全面领导</strong>，切实推进。</p>',
    );
  });
});

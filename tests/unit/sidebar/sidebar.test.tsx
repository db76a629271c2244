import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutlinePanel } from '@/components/reader/OutlinePanel';
import { Sidebar, type SidebarProps, type SidebarView } from '@/components/sidebar/Sidebar';
import type { Outline, OutlineNode } from '@/lib/types';
import { flattenOutline } from '@/content/flat-outline';

const t = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);

const node = (
  level: number,
  marker: string | null,
  text: string,
  children: OutlineNode[] = [],
): OutlineNode => ({
  level,
  kind: level === 1 ? 'heading' : 'lead',
  marker,
  text,
  key: text.slice(0, 4),
  children,
  source: { block: 0, start: 0, end: text.length },
});

const outline: Outline = {
  title: '以绣花功夫推进社区治理',
  subtitle: null,
  author: '林知远',
  affiliation: '东川市委党校',
  conclusion: null,
  formulations: [{ text: '最后一公里', occurrences: [{ block: 0, start: 0, end: 5 }] }],
  digest: ['社区是城市治理的末梢。'],
  nodes: [
    node(1, '一', '坚持以人民为中心', [
      node(2, '一是', '摸清群众需求底数'),
      node(2, '二是', '<b>畅通</b>渠道'),
    ]),
    node(1, '二', '坚持系统观念', [node(2, '一是', '理顺条块关系')]),
  ],
};

function show(overrides: Partial<SidebarProps> = {}): { root: HTMLElement; props: SidebarProps } {
  const root = document.createElement('div');
  document.body.append(root);
  const view: SidebarView = { kind: 'ready', outline, flat: flattenOutline(outline.nodes) };
  const props: SidebarProps = {
    view,
    docTitle: null,
    collapsed: false,
    alwaysOpen: false,
    currentId: null,
    t,
    onSelect: vi.fn(),
    onClose: vi.fn(),
    onCollapse: vi.fn(),
    onResize: vi.fn(),
    onAlwaysOpen: vi.fn(),
    onCopy: vi.fn(async () => true),
    ...overrides,
  };
  act(() => render(<Sidebar {...props} />, root));
  return { root, props };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Sidebar', () => {
  it('renders meta and the tree with data attributes; page text stays text', () => {
    const { root } = show();
    expect(root.querySelector('.meta-title')?.textContent).toBe('以绣花功夫推进社区治理');
    expect(root.querySelector('[data-field="author"]')?.textContent).toContain('林知远');
    const lis = [...root.querySelectorAll('li[data-level]')];
    expect(
      lis.map((li) => [
        li.getAttribute('data-level'),
        li.getAttribute('data-kind'),
        li.getAttribute('data-marker'),
      ]),
    ).toEqual([
      ['1', 'heading', '一'],
      ['2', 'lead', '一是'],
      ['2', 'lead', '二是'],
      ['1', 'heading', '二'],
      ['2', 'lead', '一是'],
    ]);
    // Markup-like page text is shown literally.
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('li[data-id="0.1"] button.item')?.getAttribute('title')).toBe(
      '<b>畅通</b>渠道',
    );
    expect(root.querySelector('.formulations')?.textContent).toContain('最后一公里');
    expect(root.querySelector('.digest')?.textContent).toContain('社区是城市治理的末梢');
  });

  it('marks the current item, lifted to a shown ancestor when its level is hidden', () => {
    const { root } = show({ currentId: '1.0' });
    expect(root.querySelector('[aria-current="true"]')?.textContent).toContain('理顺');
    act(() => (root.querySelector('button[data-level-button="1"]') as HTMLButtonElement).click());
    expect(root.querySelectorAll('li[data-level]').length).toBe(2);
    expect(root.querySelector('[aria-current="true"]')?.textContent).toContain('坚持系统');
  });

  it('selects on click, moves focus with arrows, closes on Escape', () => {
    const { root, props } = show();
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.item')];
    act(() => buttons[1]!.click());
    expect(props.onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: '0.0' }));
    buttons[1]!.focus();
    const nav = root.querySelector('nav')!;
    act(() => {
      buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(document.activeElement).toBe(buttons[2]);
    act(() => {
      nav.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onClose).toHaveBeenCalled();
  });

  it('expands a node to its full text', () => {
    const { root } = show();
    act(() => (root.querySelector('li[data-id="0"] button.more') as HTMLButtonElement).click());
    expect(root.querySelector('li[data-id="0"] .fulltext')?.textContent).toBe('坚持以人民为中心');
  });

  it('says when no structure was found, and keeps the title and the actions', () => {
    const empty: Outline = { ...outline, formulations: [], digest: [], nodes: [] };
    const { root } = show({ view: { kind: 'ready', outline: empty, flat: [] } });
    expect(root.querySelector('.no-essay')?.textContent).toBe('sidebarNoEssay');
    expect(root.textContent).toContain('以绣花功夫推进社区治理');
    expect(root.querySelector('.tree')).toBeNull();
    expect(root.querySelector('button.copy')).not.toBeNull();
  });

  it('copies, and toggles "always open"', async () => {
    const { root, props } = show();
    await act(async () => (root.querySelector('button.copy') as HTMLButtonElement).click());
    expect(props.onCopy).toHaveBeenCalled();
    expect(root.querySelector('button.copy')?.textContent).toBe('sidebarCopied');
    act(() => (root.querySelector('.always input') as HTMLInputElement).click());
    expect(props.onAlwaysOpen).toHaveBeenCalledWith(true);
  });

  it('collapses to a tab', () => {
    const { root } = show({ collapsed: true });
    expect(root.querySelector('.tree')).toBeNull();
    expect(root.querySelector('button.expand')).not.toBeNull();
  });
});

describe('Sidebar on deep and capped outlines', () => {
  /** Levels 1–5, one chain, and a capped top list and section. */
  const deep: Outline = {
    ...outline,
    more: 37,
    nodes: [
      node(1, '一', '第一层', [
        node(2, '（一）', '第二层', [
          node(3, '1.', '第三层', [node(4, '（1）', '第四层', [node(5, '①', '第五层')])]),
        ]),
        { ...node(2, '（二）', '第二层之二'), more: 12 },
      ]),
    ],
  };
  const showDeep = () =>
    show({ view: { kind: 'ready', outline: deep, flat: flattenOutline(deep.nodes) } });
  const shownLevels = (root: HTMLElement) =>
    [...root.querySelectorAll('li[data-level]')].map((li) => li.getAttribute('data-level'));

  it('has a level button for every level present, and every point is reachable', () => {
    const { root } = showDeep();
    const buttons = [...root.querySelectorAll('button[data-level-button]')];
    expect(buttons.map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5']);
    act(() => (root.querySelector('button[data-level-button="5"]') as HTMLButtonElement).click());
    expect(shownLevels(root)).toEqual(['1', '2', '3', '4', '5', '2']);
  });

  it('says how many points a folded item hides', () => {
    const { root } = showDeep();
    // Levels 1–3 shown (the default): the fourth and fifth are folded under 第三层.
    expect(shownLevels(root)).toEqual(['1', '2', '3', '2']);
    const third = root.querySelector('li[data-level="3"] .folded')!;
    expect(third.textContent).toContain('+2');
    expect(third.getAttribute('title')).toBe('sidebarHiddenPoints(2)');
    act(() => (root.querySelector('button[data-level-button="1"]') as HTMLButtonElement).click());
    // Level 1 only: its 5 points below, and the 12 beyond the cap in its second section.
    expect(root.querySelector('li[data-level="1"] .folded')!.textContent).toContain('+17');
  });

  it("the text reader's panel shows the same outline body: points beyond the cap counted", () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <OutlinePanel
          outline={deep}
          flat={flattenOutline(deep.nodes)}
          fallbackTitle="t"
          emptyText="none"
          currentId={null}
          t={t}
          onSelect={() => undefined}
        />,
        root,
      ),
    );
    expect([...root.querySelectorAll('li.more-points')].map((li) => li.textContent)).toEqual([
      'sidebarMorePoints(37)',
    ]);
    act(() => render(null, root));
    root.remove();
  });

  it('says how many points each list had beyond the cap', () => {
    const { root } = showDeep();
    const more = [...root.querySelectorAll('li.more-points')].map((li) => li.textContent);
    expect(more).toEqual(['sidebarMorePoints(37)']);
    act(() => (root.querySelector('button[data-level-button="3"]') as HTMLButtonElement).click());
    // 第二层之二 has no children shown, so its 12 are counted on its item, not listed.
    expect(root.querySelectorAll('li.more-points').length).toBe(1);
  });
});

describe('Sidebar sides', () => {
  it('moves to the other side with its button, and says which side it is on', () => {
    const onSide = vi.fn();
    const { root } = show({ side: 'left', onSide });
    expect(root.querySelector('.sidebar')?.getAttribute('data-side')).toBe('left');
    act(() => (root.querySelector('button.side') as HTMLButtonElement).click());
    expect(onSide).toHaveBeenCalledOnce();
    expect(root.querySelector('button.side')?.getAttribute('aria-label')).toBe('sidebarSwitchSide');
  });
});

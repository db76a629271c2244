/**
 * "Open the original page at a highlight" (`#gangmu-hl=<id>`), the content
 * script's side: the pure decision (placed / orphan / unknown), the address
 * without the fragment, the article id unchanged by it, the sidebar's mark and
 * notice, and the content controller in happy-dom: fragment removed with
 * path, query and history state kept, no address re-check for it, the
 * sidebar opened only when the highlight cannot be shown.
 */
import { analyzeDocumentSteps } from '@/lib/index';
import { mount } from '../mount';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightLinkNotice } from '@/components/highlights/HighlightLinkNotice';
import { HighlightSections } from '@/components/highlights/HighlightSections';
import { Sidebar } from '@/components/sidebar/Sidebar';
import type { Highlight } from '@/lib/model';
import type { Outline } from '@/lib/types';
import { normalizeUrl } from '@/lib/url/normalize-url';
import type { Placement } from '@/content/placement';
import { highlightUrl } from '@/protocol/highlight-link';
import { DEFAULT_SITE_PREFS, type Request } from '@/protocol/messages';
import { createContentController } from '@/content/content-controller';
import { linkTarget, sameDocument, withoutFragment } from '@/content/link-target';

const t = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);

const hl = (id: string, exact: string): Highlight => ({
  id,
  articleId: 'a',
  color: 'green',
  note: '',
  selectors: [{ kind: 'quote', exact, prefix: '', suffix: '' }],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

const actions = { onGo: vi.fn(), onSaveNote: vi.fn(), onDelete: vi.fn() };

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.querySelectorAll(':scope > div').forEach((e) => e.remove());
});

describe('linkTarget', () => {
  const placements: Placement[] = [
    { placed: true, highlight: hl('p', '甲'), start: 3, end: 9, nodePath: [0] },
    { placed: false, highlight: hl('o', '乙') },
  ];
  it.each([
    { id: 'p', want: { kind: 'placed', id: 'p', start: 3, end: 9 } },
    { id: 'o', want: { kind: 'orphan', id: 'o' } },
    { id: 'x', want: { kind: 'unknown', id: 'x' } },
  ])('$id → $want.kind', ({ id, want }) => {
    expect(linkTarget(placements, id)).toEqual(want);
  });
  it('no placements: unknown', () => {
    expect(linkTarget([], 'p').kind).toBe('unknown');
  });
});

describe('the address without the fragment', () => {
  it.each([
    ['https://a.cn/p/1.html?id=2#gangmu-hl=x', 'https://a.cn/p/1.html?id=2'],
    ['https://a.cn/p#', 'https://a.cn/p'],
    ['https://a.cn/p?q=#a#b', 'https://a.cn/p?q='],
    ['https://a.cn/p', 'https://a.cn/p'],
  ])('%s → %s', (href, want) => {
    expect(withoutFragment(href)).toBe(want);
  });
  it('same document: only the fragments differ', () => {
    expect(sameDocument('https://a.cn/p?x=1#top', 'https://a.cn/p?x=1#gangmu-hl=y')).toBe(true);
    expect(sameDocument('https://a.cn/p?x=1', 'https://a.cn/p?x=2#gangmu-hl=y')).toBe(false);
  });
  it.each([
    ['https://www.gov.cn/zhengce/2024/content_1.htm', null],
    ['https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=abc&chksm=99&scene=21', null],
    ['https://a.cn/p/1.html?utm_source=x&id=3', 'https://a.cn/p/1.html?id=3'],
    ['https://m.a.cn/p/1.html', 'https://www.a.cn/p/1.html'],
  ])('the article id of %s is the same with the fragment', (url, canonical) => {
    const linked = highlightUrl(url, '3f2a-…/#&=');
    expect(normalizeUrl(linked, canonical)).toBe(normalizeUrl(url, canonical));
  });
});

describe('the sidebar for a link it cannot follow on the page', () => {
  it('marks the linked orphan (and only it), focusable', () => {
    const root = mount(
      <HighlightSections
        intro={[]}
        orphans={[hl('a', '甲'), hl('b', '乙')]}
        targetId="b"
        t={t}
        {...actions}
      />,
    );
    const marked = root.querySelectorAll('li.hl[data-target="true"]');
    expect(marked).toHaveLength(1);
    expect(marked[0]!.getAttribute('data-highlight-id')).toBe('b');
    expect(marked[0]!.getAttribute('aria-current')).toBe('location');
    expect((marked[0] as HTMLElement).tabIndex).toBe(-1);
    expect(root.querySelector('li.hl[data-highlight-id="a"]')!.hasAttribute('tabindex')).toBe(
      false,
    );
  });

  it.each([
    ['orphan', 'hlLinkOrphan'],
    ['unknown', 'hlLinkUnknown'],
  ] as const)('notice for %s', (kind, message) => {
    const root = mount(<HighlightLinkNotice kind={kind} t={t} />);
    const p = root.querySelector('p.hl-link-notice')!;
    expect(p.getAttribute('role')).toBe('status');
    expect(p.getAttribute('data-notice')).toBe(kind);
    expect(p.textContent).toBe(message);
  });

  /** A page where no structure was found. */
  const NO_OUTLINE: Outline = {
    title: null,
    subtitle: null,
    author: null,
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: [],
  };

  it('shows the notice and the orphans even when the page reads as no essay', () => {
    const root = mount(
      <Sidebar
        view={{ kind: 'ready', outline: NO_OUTLINE, flat: [] }}
        docTitle={null}
        collapsed={false}
        alwaysOpen={false}
        currentId={null}
        t={t}
        onSelect={vi.fn()}
        onClose={vi.fn()}
        onCollapse={vi.fn()}
        onResize={vi.fn()}
        onAlwaysOpen={vi.fn()}
        onCopy={vi.fn()}
        notice={<HighlightLinkNotice kind="orphan" t={t} />}
      >
        <HighlightSections intro={[]} orphans={[hl('o', '乙')]} targetId="o" t={t} {...actions} />
      </Sidebar>,
    );
    expect(root.querySelector('.scroll > .hl-link-notice')).not.toBeNull();
    expect(root.querySelector('.no-essay')).not.toBeNull();
    expect(root.querySelector('section.orphans li.hl[data-target="true"]')).not.toBeNull();
  });
});

describe('the content controller opened at a highlight', () => {
  const QUOTE = '切实把党的领导贯穿基层治理全过程各方面';
  const PAGE = `<p>前言。</p><p>一是坚持党的全面领导，${QUOTE}。</p><p>结语。</p>`;

  /** A controller over happy-dom's window at `href`, with a fake background holding `stored`. */
  function setUp(href: string, stored: Highlight[], state: unknown = { app: 1 }) {
    // happy-dom's own way to navigate the test window (no page load).
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
    window.history.replaceState(state, '', href);
    document.body.innerHTML = PAGE;
    const sent: Request[] = [];
    const send = vi.fn(async (request: Request) => {
      sent.push(request);
      switch (request.type) {
        case 'get-site-prefs':
          return { ok: true, value: { ...DEFAULT_SITE_PREFS } };
        case 'get-article':
          return { ok: true, value: { article: null, highlights: stored } };
        default:
          return { ok: true, value: null };
      }
    });
    const controller = createContentController({
      engine: async () => analyzeDocumentSteps,
      win: window,
      doc: document,
      send: send as never,
      t,
    });
    const scrolls = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    return { controller, sent, scrolls };
  }

  const reports = (sent: Request[]) => sent.filter((r) => r.type === 'outline-found').length;
  const frames = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('placed: scrolls there, keeps the sidebar closed, removes only the fragment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { controller, sent, scrolls } = setUp(
      'https://a.cn/p/1.html?id=2#gangmu-hl=h1',
      [hl('h1', QUOTE)],
      { app: 7 },
    );
    await controller.start();
    expect(window.location.href).toBe('https://a.cn/p/1.html?id=2');
    expect(window.history.state).toEqual({ app: 7 });
    expect(scrolls).toHaveBeenCalledTimes(1);
    expect(controller.isOpen()).toBe(false);
    // The article asked for is the page's own, fragment or not.
    const asked = sent.find((r) => r.type === 'get-article');
    expect(asked).toMatchObject({ articleId: normalizeUrl('https://a.cn/p/1.html?id=2') });
    // The page changes later: an ordinary content re-check, not a new address (no new report).
    const before = reports(sent);
    document.body.append('后记。');
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports(sent)).toBe(before);
    controller.stop();
  });

  it('orphan: the sidebar opens with it marked and the notice; nothing scrolled', async () => {
    const { controller, scrolls } = setUp('https://a.cn/p#gangmu-hl=gone', [
      hl('gone', '这段文字已不在页面上了'),
    ]);
    await controller.start();
    expect(window.location.href).toBe('https://a.cn/p');
    expect(scrolls).not.toHaveBeenCalled();
    expect(controller.isOpen()).toBe(true);
    const root = controller.sidebar()!.root;
    expect(root.querySelector('.hl-link-notice')?.getAttribute('data-notice')).toBe('orphan');
    expect(
      root
        .querySelector('section.orphans li.hl[data-target="true"]')
        ?.getAttribute('data-highlight-id'),
    ).toBe('gone');
    await frames();
    await frames();
    expect(root.activeElement?.getAttribute('data-highlight-id')).toBe('gone');
    // Closing forgets the mark.
    controller.close();
    await controller.open();
    expect(controller.sidebar()!.root.querySelector('.hl-link-notice')).toBeNull();
    controller.stop();
  });

  it('unknown: the sidebar opens with the notice; the stored one stays as it was', async () => {
    const { controller, scrolls } = setUp('https://a.cn/p#gangmu-hl=nope', [hl('h1', QUOTE)]);
    await controller.start();
    expect(scrolls).not.toHaveBeenCalled();
    const root = controller.sidebar()!.root;
    expect(root.querySelector('.hl-link-notice')?.getAttribute('data-notice')).toBe('unknown');
    expect(root.querySelector('li.hl[data-target="true"]')).toBeNull();
    controller.stop();
  });

  it('a later hashchange to a highlight is followed, without an address re-check', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { controller, sent, scrolls } = setUp('https://a.cn/p?x=1#top', [hl('h1', QUOTE)]);
    await controller.start();
    await vi.advanceTimersByTimeAsync(100); // the highlights' load
    const before = reports(sent);
    window.location.hash = 'gangmu-hl=h1';
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(scrolls).toHaveBeenCalledTimes(1);
    expect(window.location.href).toBe('https://a.cn/p?x=1');
    await vi.advanceTimersByTimeAsync(3000); // past the re-check's settle time
    expect(reports(sent)).toBe(before);
    // An ordinary fragment still counts as an address change (as before).
    window.location.hash = 'section-2';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports(sent)).toBe(before + 1);
    controller.stop();
  });
});

describe('the content controller started on a slow background', () => {
  it('keeps a toggle made before the site preferences arrive, and opens at their width', async () => {
    document.body.innerHTML =
      '<h1>论基层治理</h1><h2>一、坚持党建引领</h2><p>一是把党的领导贯穿全过程。</p><h2>二、推进共建共治</h2><p>二是完善议事协商。</p>';
    let answerPrefs: (width: number) => void = () => {};
    const send = vi.fn((request: Request) => {
      if (request.type === 'get-site-prefs')
        return new Promise((resolve) => {
          answerPrefs = (width) => resolve({ ok: true, value: { ...DEFAULT_SITE_PREFS, width } });
        });
      if (request.type === 'get-article')
        return Promise.resolve({ ok: true, value: { article: null, highlights: [] } });
      return Promise.resolve({ ok: true, value: null });
    });
    const controller = createContentController({
      engine: async () => analyzeDocumentSteps,
      win: window,
      doc: document,
      send: send as never,
      t,
    });
    const started = controller.start();
    // The reader's shortcut, through the background.
    const toggled = controller.handle({ type: 'toggle-sidebar' });
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.isOpen()).toBe(false); // waiting for the preferences
    answerPrefs(480);
    await started;
    expect(await toggled).toEqual({ ok: true, value: { open: true } });
    expect(controller.isOpen()).toBe(true);
    const host = controller.sidebar()!.host;
    expect(host.style.getPropertyValue('--gangmu-width') || host.style.width).toContain('480');
    controller.stop();
  });
});

/**
 * The note editor of web pages, typed in a frame of the extension's origin
 * (README → Privacy): the background's sessions and requests, the frame's
 * view, the frame host in the toolbar and sidebar, and the content side's
 * answer to the editor's closing word. In Chromium: tests/e2e/privacy.e2e.ts.
 */
import { analyzeDocumentSteps } from '@/lib/index';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { HighlightEntry } from '@/components/highlights/HighlightEntry';
import { HighlightToolbar } from '@/components/highlights/HighlightToolbar';
import { NoteFrame } from '@/components/highlights/NoteFrame';
import { NoteEditorApp } from '@/components/note-editor/NoteEditorApp';
import type { ContentRequest, Reply } from '@/protocol/messages';
import { createNoteEditorSessions, newToken } from '@/background/note-editor-sessions';
import type { SessionArea } from '@/background/tab-status';
import { mount } from '../mount';
import { ARTICLE_ID, draft, FROM_EXTENSION, highlight, useFreshRouters } from '../storage/fixtures';

const t = (name: string) => name;
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

afterEach(() => {
  document.body.innerHTML = '';
});

/** A storage.session stand-in. */
function sessionArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (k) => (items.has(k) ? { [k]: items.get(k) } : {}),
    set: async (o) => void Object.entries(o).forEach(([k, v]) => items.set(k, v)),
    remove: async (k) => void items.delete(k),
  };
}

describe('note editor sessions', () => {
  it('tokens are 32 random hex digits', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it('outlive the worker (read back from the session area) and end once', async () => {
    const area = sessionArea();
    const entry = { tabId: 3, frameId: 0, articleId: ARTICLE_ID, highlightId: 'h1' };
    const token = await createNoteEditorSessions(area).open(entry);
    const woken = createNoteEditorSessions(area); // a new worker: nothing in memory
    expect(await woken.get(token)).toEqual(entry);
    expect(await woken.take(token)).toEqual(entry);
    expect(await woken.take(token)).toBeNull();
    expect(area.items.size).toBe(0);
  });

  it('know no token they did not make', async () => {
    expect(await createNoteEditorSessions(sessionArea()).get('nope')).toBeNull();
    expect(await createNoteEditorSessions(undefined).get('nope')).toBeNull();
  });
});

describe('the router’s note editor', () => {
  const fresh = useFreshRouters();
  const page = { tab: { id: 4 }, frameId: 0, url: `${ARTICLE_ID}#top` };
  const frame = { ...FROM_EXTENSION, tab: { id: 4 } };

  async function withHighlight() {
    const notified: Array<[number, number, ContentRequest]> = [];
    const notifyTab = vi.fn(async (tabId: number, frameId: number, r: ContentRequest) => {
      notified.push([tabId, frameId, r]);
    });
    const { router } = fresh({ notifyTab });
    await router.handle(
      { type: 'put-highlight', highlight: highlight('h1'), article: draft() },
      page,
    );
    return { router, notified };
  }

  it('opens for a page’s own highlight, shows the stored note, stores the new one and tells the tab', async () => {
    const { router, notified } = await withHighlight();
    const opened = await router.handle(
      { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'h1' },
      page,
    );
    expect(opened.ok).toBe(true);
    const token = opened.ok ? opened.value.token : '';
    expect(await router.handle({ type: 'get-note-editor', token }, frame)).toMatchObject({
      ok: true,
      value: { note: '' },
    });
    expect(
      await router.handle({ type: 'close-note-editor', token, note: '  新笔记 ' }, frame),
    ).toEqual({ ok: true, value: null });
    expect(notified).toEqual([
      [4, 0, { type: 'note-editor-closed', highlightId: 'h1', note: '新笔记' }],
    ]);
    const stored = await router.handle({ type: 'get-article', articleId: ARTICLE_ID }, page);
    expect(stored.ok && stored.value.highlights[0]!.note).toBe('新笔记');
    // The session is over.
    expect(await router.handle({ type: 'get-note-editor', token }, frame)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('a cancel stores nothing and still tells the tab', async () => {
    const { router, notified } = await withHighlight();
    const opened = await router.handle(
      { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'h1' },
      page,
    );
    const token = opened.ok ? opened.value.token : '';
    await router.handle({ type: 'close-note-editor', token, note: null }, frame);
    expect(notified[0]![2]).toEqual({ type: 'note-editor-closed', highlightId: 'h1', note: null });
  });

  it('refuses a page: another origin’s highlight, and the frame’s own requests', async () => {
    const { router } = await withHighlight();
    const evil = { tab: { id: 9 }, url: 'https://evil.news.cn/a.html' };
    expect(
      await router.handle(
        { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'h1' },
        evil,
      ),
    ).toMatchObject({ ok: false, code: 'refused' });
    const opened = await router.handle(
      { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'h1' },
      page,
    );
    const token = opened.ok ? opened.value.token : '';
    for (const r of [
      { type: 'get-note-editor', token },
      { type: 'close-note-editor', token, note: 'x' },
    ] as const)
      expect(await router.handle(r, page)).toMatchObject({ ok: false, code: 'refused' });
  });

  it('a frame in another tab cannot take a session; an unknown highlight opens none', async () => {
    const { router } = await withHighlight();
    const opened = await router.handle(
      { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'h1' },
      page,
    );
    const token = opened.ok ? opened.value.token : '';
    const elsewhere = { ...FROM_EXTENSION, tab: { id: 5 } };
    expect(await router.handle({ type: 'get-note-editor', token }, elsewhere)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(
      await router.handle({ type: 'close-note-editor', token, note: 'x' }, elsewhere),
    ).toMatchObject({ ok: false, code: 'not-found' });
    // Nor ended it: the frame of the tab that opened it still can.
    expect(await router.handle({ type: 'get-note-editor', token }, frame)).toMatchObject({
      ok: true,
    });
    expect(
      await router.handle(
        { type: 'open-note-editor', articleId: ARTICLE_ID, highlightId: 'gone' },
        page,
      ),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('NoteEditorApp (inside the frame)', () => {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

  type Close = (note: string | null) => Promise<Reply<null>>;
  async function editor(close: Mock<Close> = vi.fn<Close>(() => ok(null))) {
    const root = mount(<NoteEditorApp t={t} load={() => ok({ note: '旧笔记' })} close={close} />);
    await flush();
    return { root, close, area: root.querySelector<HTMLTextAreaElement>('textarea')! };
  }
  /** A key pressed and released. */
  const key = (el: Element, init: KeyboardEventInit) =>
    act(() => {
      el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
      el.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, ...init }));
    });

  it('shows the stored note, focused; Enter saves what was typed', async () => {
    const { area, close } = await editor();
    expect(area.value).toBe('旧笔记');
    expect(document.activeElement).toBe(area);
    act(() => {
      area.value = '新的笔记';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    key(area, { key: 'Enter' });
    expect(close).toHaveBeenCalledWith('新的笔记');
  });

  it('Esc cancels; Shift+Enter and an input method’s Enter do not save', async () => {
    const { area, close } = await editor();
    key(area, { key: 'Enter', shiftKey: true });
    key(area, { key: 'Enter', isComposing: true });
    expect(close).not.toHaveBeenCalled();
    key(area, { key: 'Escape' });
    expect(close).toHaveBeenCalledWith(null);
  });

  it('Enter acts on its release, so that release never lands in the page; or after 400 ms', async () => {
    const { area, close } = await editor();
    act(
      () => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    expect(close).not.toHaveBeenCalled();
    act(() => void area.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true })));
    expect(close).toHaveBeenCalledWith('旧笔记');
    const late = await editor();
    act(
      () =>
        void late.area.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
        ),
    );
    expect(late.close).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 450));
    expect(late.close).toHaveBeenCalledWith(null);
  });

  it('a failed save keeps the text and says why', async () => {
    const close = vi.fn<Close>(() => Promise.resolve({ ok: false, error: '存储空间已满' }));
    const { root, area } = await editor(close);
    key(area, { key: 'Enter' });
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('存储空间已满');
    expect(root.querySelector('textarea')!.value).toBe('旧笔记');
  });

  it('without a live session: a notice, no text area', async () => {
    const root = mount(
      <NoteEditorApp
        t={t}
        load={() => Promise.resolve({ ok: false, error: 'gone', code: 'not-found' })}
        close={vi.fn()}
      />,
    );
    await flush();
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('hlNoteEditorFailed');
  });
});

describe('the frame in the toolbar and the sidebar', () => {
  it('NoteFrame opens its session once and shows the frame, or a notice', async () => {
    // happy-dom loads no frame unless asked (and says so on its console): about:blank is harmless.
    const settings = (window as unknown as { happyDOM: { settings: Record<string, boolean> } })
      .happyDOM.settings;
    settings.enableIframePageLoading = true;
    const open = vi.fn(() => Promise.resolve('about:blank#token'));
    const root = mount(<NoteFrame open={open} t={t} />);
    await flush();
    expect(open).toHaveBeenCalledTimes(1);
    expect(root.querySelector('iframe.note-frame')?.getAttribute('src')).toBe('about:blank#token');
    const failed = mount(<NoteFrame open={() => Promise.resolve(null)} t={t} />);
    await flush();
    expect(failed.querySelector('iframe')).toBeNull();
    expect(failed.querySelector('[role="alert"]')).not.toBeNull();
    settings.enableIframePageLoading = false;
  });

  it('the toolbar and a sidebar entry show the note field given instead of a text area', () => {
    const field = () => <div class="field-given" />;
    const bar = mount(
      <HighlightToolbar
        mode="existing"
        color="yellow"
        note=""
        editing
        t={t}
        onColor={vi.fn()}
        onNote={vi.fn()}
        onSaveNote={vi.fn()}
        onRemove={vi.fn()}
        onClose={vi.fn()}
        noteField={field}
      />,
    );
    expect(bar.querySelector('.field-given')).not.toBeNull();
    expect(bar.querySelector('textarea')).toBeNull();

    const close = vi.fn();
    const entry = mount(
      <ul>
        <HighlightEntry
          highlight={highlight('h1')}
          placed
          t={t}
          onGo={vi.fn()}
          onSaveNote={vi.fn()}
          onDelete={vi.fn()}
          noteField={(_h, done) => <button class="field-given" onClick={() => (close(), done())} />}
        />
      </ul>,
    );
    act(() => entry.querySelector<HTMLButtonElement>('button.edit')!.click());
    expect(entry.querySelector('textarea')).toBeNull();
    act(() => entry.querySelector<HTMLButtonElement>('.field-given')!.click());
    expect(close).toHaveBeenCalled();
    expect(entry.querySelector('.field-given')).toBeNull(); // out of edit mode
  });
});

describe('the content script, told the editor closed', () => {
  it('shows the stored note in the sidebar without storing it again; a cancel changes nothing', async () => {
    const { createContentController } = await import('@/content/content-controller');
    const { DEFAULT_SITE_PREFS } = await import('@/protocol/messages');
    const QUOTE = '切实把党的领导贯穿基层治理全过程各方面';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(ARTICLE_ID);
    document.body.innerHTML = `<h1>论基层治理</h1><h2>一、坚持党建引领</h2><p>一是坚持党的全面领导，${QUOTE}。</p><h2>二、推进共建共治</h2><p>二是完善议事协商。</p>`;
    const h1 = {
      ...highlight('h1'),
      selectors: [{ kind: 'quote' as const, exact: QUOTE, prefix: '', suffix: '' }],
    };
    const sent: string[] = [];
    const send = vi.fn(async (r: { type: string }) => {
      sent.push(r.type);
      if (r.type === 'get-site-prefs') return { ok: true, value: { ...DEFAULT_SITE_PREFS } };
      if (r.type === 'get-article') return { ok: true, value: { article: null, highlights: [h1] } };
      return { ok: true, value: null };
    });
    const controller = createContentController({
      engine: async () => analyzeDocumentSteps,
      win: window,
      doc: document,
      send: send as never,
      t,
      noteEditorUrl: (token) => `about:blank#${token}`,
    });
    await controller.start();
    await new Promise((r) => setTimeout(r, 80)); // the highlights' load
    await controller.open();
    const root = () => controller.sidebar()!.root;
    expect(root().querySelector('.hl-note')).toBeNull();
    await controller.handle({ type: 'note-editor-closed', highlightId: 'h1', note: '会上发言' });
    expect(root().querySelector('.hl-note')?.textContent).toBe('会上发言');
    await controller.handle({ type: 'note-editor-closed', highlightId: 'h1', note: null });
    expect(root().querySelector('.hl-note')?.textContent).toBe('会上发言');
    expect(sent).not.toContain('put-highlight');
    controller.stop();
    for (const e of [...document.documentElement.children])
      if (e !== document.head && e !== document.body) e.remove();
  });
});

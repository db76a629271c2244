/**
 * The content script's logic: the quick essay check and its report, the
 * full engine on demand, the sidebar's life cycle, scroll following, SPA
 * re-checks, and the content-side requests. Browser APIs come in as `deps`,
 * so entrypoints/content.ts stays wiring only.
 */
import { h, render } from 'preact';
import { Sidebar, type SidebarView } from '../../components/sidebar/Sidebar.tsx';
import type { Translate } from '../../components/sidebar/sidebar-messages.ts';
import { quickCheckDocument, type QuickResult } from '../../lib/detect/quick-check.ts';
import { outlineToMarkdown } from '../../lib/export/to-markdown.ts';
import { countOutline } from '../count-points.ts';
import { highlightIdFromHash } from '../library/highlight-link.ts';
import {
  assertNever,
  DEFAULT_SITE_PREFS,
  errorMessage,
  SIDEBAR_WIDTH,
  type ContentReplyValue,
  type ContentRequest,
  type Reply,
  type ReplyTo,
  type Request,
  type SitePrefs,
} from '../messages.ts';
import { articleDraft, canonicalOf } from './article-draft.ts';
import { normalizeUrl } from '../../lib/url/normalize-url.ts';
import type { FlatNode } from './flat-outline.ts';
import { flashElement } from './flash.ts';
import { CURRENT_LINE, scrollToPoint } from './scroll-to.ts';
import { currentPointId, outlinePage, type PageOutline } from './page-outline.ts';
import { EngineNotReady, type Analyze } from './engine.ts';
import { isOurHost } from './shadow-host.ts';
import { COLLAPSED_WIDTH, createSidebarHost, type SidebarHost } from './sidebar-host.ts';
import { createHighlightController } from './highlight-controller.ts';
import { reflowBeside, type Reflow } from './reflow.ts';
import { WARM_UP_HTML } from './warm-up-sample.ts';
import { sameDocument, withoutFragment } from './link-target.ts';

export interface ContentDeps {
  win: Window;
  doc: Document;
  /** Sends a request to the background (sendRequest bound to `browser`). */
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  /** The note editor frame's address for a session token (highlight-controller.ts). */
  noteEditorUrl?: (token: string) => string;
  /** The full engine, loaded on first need (engine.ts: the extension's engine script). */
  engine: () => Promise<Analyze>;
}

/** The HTML namespace: a page whose root is not in it (SVG, XML) cannot show the sidebar. */
const XHTML = 'http://www.w3.org/1999/xhtml';
/** Quiet time after the last DOM change before re-checking (ms). */
const SETTLE_MS = 1000;
/** After a click, the clicked point stays current while the smooth scroll runs (ms). */
const PIN_MS = 1200;
/** Delay after the quick check before saved highlights are fetched and painted (ms): soon, but after first paint. */
const HIGHLIGHT_LOAD_MS = 50;
/** Runs of the engine over the warm-up essay (each in its own idle slot). */
const WARM_UP_ROUNDS = 3;
/**
 * Pages with more text than this are not outlined at idle (a long task of its own,
 * ~0.5 s at 1M characters): the reader's open outlines them.
 */
const IDLE_OUTLINE_MAX = 200_000;
/** Times an address's outline is made again at idle after the page changed. */
const IDLE_REMAKES = 5;

export function createContentController({ win, doc, send, t, noteEditorUrl, engine }: ContentDeps) {
  let url = win.location.href;
  let quick: QuickResult | null = null;
  let page: PageOutline | null = null;
  /** Changes seen in the page's DOM so far, and their number when `page` was made. */
  let changes = 0;
  let pageAt = -1;
  /** Outlines made again at idle after the page changed, on this address. */
  let remade = 0;
  let textLength = -1;
  let host: SidebarHost | null = null;
  let view: SidebarView = { kind: 'loading' };
  let prefs: SitePrefs = { ...DEFAULT_SITE_PREFS };
  let currentId: string | null = null;
  let pinnedUntil = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollFrame = 0;
  let observer: MutationObserver | null = null;
  /** The engine, once loaded: every path that outlines the page awaits {@link engineReady} first. */
  let analyze: Analyze | null = null;

  async function engineReady(): Promise<void> {
    analyze ??= await engine();
  }

  const site = () => win.location.hostname || win.location.protocol;
  const docTitle = () => doc.title.trim() || null;
  /** The page's article as it would be saved, with its readable text. */
  const pageDraft = (p: PageOutline) => articleDraft(doc, url, p.outline, docTitle(), p.text());

  async function report(count: number, essay: boolean, title: string | null, exact = false) {
    const reply = await send({
      type: 'outline-found',
      count,
      title,
      essay,
      exact,
      articleId: articleId(),
    });
    if (!reply.ok) console.debug('[Gangmu] background did not take the report:', reply.error);
  }

  /** The quick check and its report for the badge. */
  function check(): QuickResult {
    quick = quickCheckDocument(doc);
    void report(quick.estimate, quick.essay, docTitle());
    // An essay's count, and its outline for the first open, are made at idle (again after
    // an SPA's new address: the badge does not keep the estimate).
    if (quick.essay) {
      if (warmed) idle(outlineAtIdle);
      else warmUp();
    }
    return quick;
  }

  /** Set by stop(): work queued for idle time is dropped after it. */
  let stopped = false;
  /** Runs `cb` when the browser is idle (at most 2 s later), unless the controller has stopped. */
  const idle = (cb: () => void) => {
    const run = () => {
      if (!stopped) cb();
    };
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(run, { timeout: 2000 });
    else win.setTimeout(run, 300);
  };

  let warmed = false;
  /**
   * On an essay page, once the saved highlights are painted and the browser is idle, load
   * the engine, run it over a short essay of our own in a detached document
   * {@link WARM_UP_ROUNDS} times and render the sidebar for it off the page (so its code is
   * compiled), each in its own idle slot; then outline the page itself, read-only, when it
   * is not too long. The reader's first open then shows that outline at once while the
   * page is unchanged, and the badge gives the outline's own count from then on.
   */
  function warmUp() {
    if (warmed) return;
    warmed = true;
    const round = (left: number) => {
      try {
        const scratch = doc.implementation.createHTMLDocument('');
        scratch.body.innerHTML = WARM_UP_HTML;
        const p = outlinePage(scratch, win, 'about:blank', analyze!);
        if (left > 1) return idle(() => round(left - 1));
        warmRender(scratch, p);
        idle(outlineAtIdle);
      } catch {
        // Deliberately silent: the warm-up only saves time; the real outline reports its own errors.
      }
    };
    // After the saved highlights are painted: loading the engine must not hold up their restore.
    setTimeout(
      () =>
        void highlights
          .ensureLoaded()
          .catch(() => undefined)
          .then(() =>
            idle(
              () =>
                void engineReady().then(
                  () => idle(() => round(WARM_UP_ROUNDS)),
                  () => undefined,
                ),
            ),
          ),
      HIGHLIGHT_LOAD_MS,
    );
  }

  /** The page's outline made ahead of the reader's first open (see {@link warmUp}). */
  function outlineAtIdle() {
    if (page && pageAt === changes) return;
    if ((doc.body?.textContent?.length ?? 0) > IDLE_OUTLINE_MAX) return;
    try {
      analyse();
      mark('gangmu:idle-outline');
    } catch {
      // Deliberately silent: the reader's open outlines again and shows its error.
    }
  }

  /** Renders the sidebar for the warm-up outline into an element of the scratch document, and unmounts it. */
  function warmRender(scratch: Document, p: PageOutline) {
    const box = scratch.createElement('div');
    const none = () => undefined;
    render(
      h(Sidebar, {
        view: { kind: 'ready', outline: p.outline, flat: p.flat },
        docTitle: null,
        collapsed: false,
        alwaysOpen: false,
        currentId: p.flat[0]?.id ?? null,
        t,
        onSelect: none,
        onClose: none,
        onCollapse: none,
        onResize: none,
        onAlwaysOpen: none,
        onCopy: async () => false,
      }),
      box,
    );
    render(null, box);
  }

  /** The full engine, reported with the exact count. */
  function analyse(): PageOutline {
    if (!analyze) throw new EngineNotReady();
    page = outlinePage(doc, win, url, analyze);
    pageAt = changes;
    textLength = doc.body?.textContent?.length ?? 0;
    const count = countOutline(page.outline);
    void report(count, count > 0, page.outline.title ?? docTitle(), true);
    return page;
  }

  function ensurePage(): PageOutline {
    return page ?? analyse();
  }

  const articleId = () => normalizeUrl(url, canonicalOf(doc));
  const highlights = createHighlightController({
    win,
    doc,
    send,
    t,
    page: (fresh = false) => (fresh ? analyse() : ensurePage()),
    articleId,
    draft: () => pageDraft(ensurePage()),
    changed: () => paint(),
    noteEditorUrl,
    ready: engineReady,
  });

  function mark(name: string) {
    try {
      win.performance?.mark(name);
    } catch {
      // Deliberately silent: a page that replaced `performance` only loses the bench marks.
    }
  }

  function setViewFromPage() {
    if (!analyze) return; // open() has put the reason in `view`
    // Changes made in the task that asked for the outline are not reported yet: count them.
    const pending = observer?.takeRecords();
    if (pending?.length) onMutations(pending);
    try {
      // The outline made at idle serves while the page has not changed since.
      const p = page && pageAt === changes ? page : analyse();
      // Title, author, highlights and the actions on every page; "no structure found"
      // stands in for an outline where there is none.
      view = { kind: 'ready', outline: p.outline, flat: p.flat };
    } catch (err) {
      view = { kind: 'error', error: errorMessage(err) };
    }
    currentId = null;
    // Where the reader is needs the page's layout: read it on the next frame, after the
    // sidebar has rendered, not synchronously here (that forced a full layout mid-open).
    win.requestAnimationFrame(() => updateCurrent(true));
  }

  function paint() {
    if (!host) return;
    const width = prefs.collapsed ? COLLAPSED_WIDTH : prefs.width;
    host.setWidth(width, prefs.side);
    reflow?.setWidth(width, prefs.side);
    render(
      h(Sidebar, {
        view,
        docTitle: docTitle(),
        collapsed: prefs.collapsed,
        side: prefs.side,
        onSide: () => void setPrefs({ side: prefs.side === 'left' ? 'right' : 'left' }),
        alwaysOpen: prefs.alwaysOpen,
        currentId,
        t,
        onSelect: select,
        onClose: close,
        onCollapse: (collapsed: boolean) => void setPrefs({ collapsed }),
        onResize: resize,
        onAlwaysOpen: (alwaysOpen: boolean) => void setPrefs({ alwaysOpen }),
        onCopy: copyMarkdown,
        ...highlights.sidebarProps(),
      }),
      host.mount,
    );
  }

  async function setPrefs(change: Partial<SitePrefs>) {
    prefs = { ...prefs, ...change };
    paint();
    const reply = await send({ type: 'set-site-prefs', site: site(), prefs: change });
    if (reply.ok) prefs = reply.value;
  }

  function resize(width: number, done: boolean) {
    const max = Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, win.innerWidth - 40));
    const w = Math.round(Math.min(max, Math.max(SIDEBAR_WIDTH.min, width)));
    if (done) void setPrefs({ width: w });
    else {
      prefs = { ...prefs, width: w };
      host?.setWidth(w, prefs.side);
      reflow?.setWidth(w, prefs.side);
    }
  }

  function select(item: FlatNode) {
    const target = page?.targets[item.index];
    if (!target) return;
    const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    scrollToPoint(win, target.element, target.range, !reduce);
    flashElement(target.element);
    currentId = item.id;
    pinnedUntil = Date.now() + PIN_MS;
    paint();
  }

  function updateCurrent(force = false) {
    if (!page || !host) return;
    if (!force && Date.now() < pinnedUntil) return;
    const id = currentPointId(page, win.innerHeight * CURRENT_LINE);
    if (id !== currentId) {
      currentId = id;
      paint();
    }
  }

  const onScroll = () => {
    if (scrollFrame) return;
    scrollFrame = win.requestAnimationFrame(() => {
      scrollFrame = 0;
      updateCurrent();
    });
  };

  /** What the focus goes to when the sidebar opens: the outline (see {@link open}). */
  const OUTLINE_FOCUS = 'button.item[aria-current="true"], button.item, .scroll[tabindex]';

  async function open(focus = OUTLINE_FOCUS): Promise<void> {
    if (liveHost()) return;
    // An SVG image or an XML file: a sidebar there would not render. Said, not pretended.
    if (doc.documentElement?.namespaceURI !== XHTML || !doc.body)
      throw new Error(t('sidebarNotHtml'));
    try {
      await engineReady();
    } catch (err) {
      view = { kind: 'error', error: errorMessage(err) };
    }
    if (liveHost()) return;
    // Marks for the browser bench (open → outlined → rendered); a few entries, no cost to speak of.
    mark('gangmu:open');
    // Outline first, while the page's styles are settled: reading computed styles after the
    // sidebar is inserted would recalculate the whole page's styles first. Then one render.
    setViewFromPage();
    mark('gangmu:outlined');
    const width = prefs.collapsed ? COLLAPSED_WIDTH : prefs.width;
    host = createSidebarHost(doc, width, prefs.side);
    // The page reflows beside the sidebar: no line of the essay runs under it.
    reflow = reflowBeside(doc, width, prefs.side);
    paint();
    mark('gangmu:rendered');
    // Capture: scrolls of inner scroll boxes do not bubble.
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', onScroll, { passive: true });
    // Focus on the outline — the current point, else the first — so ↑/↓/Enter work at once;
    // without an outline, the sidebar's contents (never the close button: Enter would close
    // it). On the next frame: focusing forces a layout, which the frame does anyway. Esc
    // gives the focus back to where it was on the page.
    const shadow = host.shadow;
    const active = doc.activeElement as HTMLElement | null;
    focusBefore =
      active && active !== doc.body && typeof active.focus === 'function' ? active : null;
    // One frame: the frame callback that marks the current point (setViewFromPage's) was
    // queued first, so it has run and rendered when this one looks for it.
    win.requestAnimationFrame(() =>
      // The outline keeps its current point in view itself; another target (a linked
      // orphan) is scrolled to inside the sidebar by focusing it.
      shadow.querySelector<HTMLElement>(focus)?.focus({ preventScroll: focus === OUTLINE_FOCUS }),
    );
  }

  /** Where the focus was on the page when the sidebar opened (given back on close). */
  let focusBefore: HTMLElement | null = null;
  /** The page's room for the open sidebar (reflow.ts). */
  let reflow: Reflow | null = null;

  function close() {
    if (!host) return;
    highlights.clearLink();
    // The focus inside the sidebar goes back to the page, where it was before.
    const hadFocus = doc.activeElement === host.host;
    render(null, host.mount);
    host.remove();
    host = null;
    reflow?.restore();
    reflow = null;
    if (hadFocus) {
      if (focusBefore?.isConnected) focusBefore.focus({ preventScroll: true });
      else win.focus();
    }
    focusBefore = null;
    doc.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', onScroll);
  }

  /** The sidebar's host; one the page took off the document counts as closed (and is let go). */
  function liveHost(): SidebarHost | null {
    if (host && !host.host.isConnected) close();
    return host;
  }

  async function toggle(): Promise<boolean> {
    if (liveHost()) close();
    else await open();
    return host !== null;
  }

  /** The page's Markdown with the reader's highlights, outline or not. */
  async function markdown(obsidian = false): Promise<string> {
    await highlights.ensureLoaded();
    await engineReady();
    const p = ensurePage();
    return outlineToMarkdown(p.outline, { url, highlights: highlights.exportItems(), obsidian });
  }

  async function copyMarkdown(): Promise<boolean> {
    const text = await markdown();
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // No clipboard permission (insecure page, no focus): fall back to a
      // selection copy inside our own shadow root.
      if (!host) return false;
      const area = doc.createElement('textarea');
      area.value = text;
      host.shadow.append(area);
      area.select();
      const ok = doc.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  async function handle(
    request: ContentRequest,
  ): Promise<Reply<ContentReplyValue[ContentRequest['type']]>> {
    try {
      switch (request.type) {
        case 'toggle-sidebar':
          return { ok: true, value: { open: await readerToggle() } };
        case 'open-sidebar':
          await open();
          return { ok: true, value: null };
        case 'get-page-article': {
          const text = await markdown();
          return {
            ok: true,
            value: {
              draft: pageDraft(ensurePage()),
              markdown: text,
              highlights: highlights.count(),
            },
          };
        }
        case 'get-markdown': {
          await highlights.ensureLoaded();
          await engineReady();
          const p = ensurePage();
          const obsidian = request.obsidian ?? false;
          const items = highlights.exportItems();
          return {
            ok: true,
            value: outlineToMarkdown(p.outline, { url, highlights: items, obsidian }),
          };
        }
        case 'note-editor-closed':
          highlights.noteClosed(request.highlightId, request.note);
          return { ok: true, value: null };
        default:
          return assertNever(request);
      }
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  /** Runs after the page has been quiet for SETTLE_MS: new address, or new content. */
  function settle() {
    const href = win.location.href;
    if (href !== url) {
      url = href;
      page = null;
      remade = 0;
      check();
      if (host) {
        setViewFromPage();
        paint();
      } else if (prefs.alwaysOpen && quick?.essay) void open();
      highlights.reset();
      return;
    }
    const length = doc.body?.textContent?.length ?? 0;
    if (host) {
      if (length !== textLength) {
        setViewFromPage();
        paint();
      }
      highlights.pageChanged();
      return;
    }
    // Closed: the cheap check again, reported only when its verdict changed.
    const before = quick;
    const now = quickCheckDocument(doc);
    if (!before || now.essay !== before.essay || now.estimate !== before.estimate) {
      quick = now;
      page = null;
      void report(now.estimate, now.essay, docTitle());
      if (prefs.alwaysOpen && now.essay) void open();
    }
    // The page changed under an outline made at idle: made again (a few times a page at
    // most: a page that changes on and on is outlined when the reader opens the sidebar).
    if (now.essay && (!page || pageAt !== changes) && remade < IDLE_REMAKES) {
      remade++;
      idle(outlineAtIdle);
    }
    highlights.pageChanged();
  }

  function schedule() {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settle, SETTLE_MS);
  }

  const ours = (n: Node) => isOurHost(n);
  function onMutations(records: MutationRecord[]) {
    // Our own host coming and going is not a page change.
    const pageChanged = records.some(
      (r) =>
        !ours(r.target) &&
        !(
          [...r.addedNodes, ...r.removedNodes].length > 0 &&
          [...r.addedNodes, ...r.removedNodes].every(ours)
        ),
    );
    if (!pageChanged) return;
    // The outline is the body's: a script or style added to <head> leaves it as it is.
    const head = doc.head;
    if (records.some((r) => !ours(r.target) && !(head && head.contains(r.target)))) changes++;
    schedule();
  }

  /**
   * Removes the address's fragment (`#gangmu-hl=…`) with `history.replaceState`,
   * keeping path, query and the page's history state, so a reload does not
   * jump again. The fragment is not part of the article's id (normalizeUrl
   * drops it) and its removal is not a new address: the re-check is not run.
   */
  function dropFragment() {
    const before = win.location.href;
    try {
      win.history.replaceState(win.history.state, '', withoutFragment(before));
    } catch (err) {
      // A document whose history refuses (sandboxed, opaque origin): the jump still happens.
      console.debug('[Gangmu] could not remove the highlight fragment:', errorMessage(err));
      return;
    }
    if (sameDocument(url, before)) url = win.location.href;
    else schedule(); // An address change not yet looked at: let the re-check see it.
  }

  /**
   * Opens the page at highlight `id` (from `#gangmu-hl=<id>`), once the stored
   * highlights are restored: a placed one is scrolled to and flashed; an orphan
   * or an unknown id opens the sidebar (expanded for this visit) with the
   * orphan marked and focused, or a notice.
   */
  async function openAt(id: string) {
    await highlights.ensureLoaded();
    if (highlights.reveal(id) === 'placed') return;
    if (prefs.collapsed) prefs = { ...prefs, collapsed: false }; // shown, not stored
    const target = 'li.hl[data-target="true"]';
    if (liveHost()) {
      paint();
      win.requestAnimationFrame(() => host?.shadow.querySelector<HTMLElement>(target)?.focus());
    } else await open(target);
  }

  /** The highlight a `#gangmu-hl=` fragment names, the fragment removed; null for any other address. */
  function takeLinkedHighlight(): string | null {
    const id = highlightIdFromHash(win.location.hash);
    if (id) dropFragment();
    return id;
  }

  /** The site's preferences, once read (a toggle before then waits for them: width, collapsed). */
  let prefsRead: Promise<void> | null = null;
  /**
   * The reader's toggle (shortcut, context menu, popup: through the background).
   * One that arrives before the preferences waits for them; if "always open"
   * opened the sidebar meanwhile, the toggle asked for the sidebar and it is there.
   */
  async function readerToggle(): Promise<boolean> {
    const early = prefsRead;
    if (!early) return toggle();
    await early;
    return liveHost() ? true : toggle();
  }
  // A fragment navigation fires popstate, then hashchange: ours is left to the hashchange.
  const onPopState = () => {
    if (!highlightIdFromHash(win.location.hash)) schedule();
  };
  const onHashChange = () => {
    const id = takeLinkedHighlight();
    if (id) void openAt(id);
    else schedule();
  };

  async function start() {
    // Opened at a highlight (the library's link): the fragment goes at once, before any
    // re-check or draft could take it for the page's address.
    const linked = takeLinkedHighlight();
    check();
    highlights.start();
    // Saved highlights are painted without the sidebar: fetched right after the quick check.
    setTimeout(() => void highlights.ensureLoaded(), HIGHLIGHT_LOAD_MS);
    prefsRead = send({ type: 'get-site-prefs', site: site() }).then((reply) => {
      if (reply.ok) prefs = reply.value;
    });
    await prefsRead;
    prefsRead = null;
    if (prefs.alwaysOpen && quick?.essay) await open();
    observer = new MutationObserver(onMutations);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    win.addEventListener('popstate', onPopState);
    win.addEventListener('hashchange', onHashChange);
    if (linked) await openAt(linked);
  }

  function stop() {
    stopped = true;
    close();
    highlights.stop();
    observer?.disconnect();
    clearTimeout(settleTimer);
    win.removeEventListener('popstate', onPopState);
    win.removeEventListener('hashchange', onHashChange);
  }

  return {
    start,
    stop,
    handle,
    toggle,
    open,
    close,
    isOpen: () => liveHost() !== null,
    /** The sidebar's host and closed root while it is open (this script's own view; tests read it). */
    sidebar: (): { host: HTMLElement; root: ShadowRoot } | null =>
      host && { host: host.host, root: host.shadow },
  };
}

export type ContentController = ReturnType<typeof createContentController>;

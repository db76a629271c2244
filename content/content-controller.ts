/**
 * The content script's logic, composed of its concerns: page watching
 * (page-watch.ts: DOM changes, an SPA's new address), what is known of the
 * essay (page-analysis.ts: quick check, engine, outline), the sidebar's
 * session (sidebar-session.ts), the highlights (highlight-controller.ts) and
 * the background's requests (content-requests.ts). Every timer, listener and
 * observer belongs to one lifetime (lifetime.ts) that stop() ends. Browser
 * APIs come in as `deps`, so entrypoints/content.ts stays wiring only.
 */
import type { Translate } from '../components/sidebar/sidebar-messages.ts';
import { highlightIdFromHash } from '../protocol/highlight-link.ts';
import { errorMessage, type ReplyTo, type Request } from '../protocol/messages.ts';
import { createContentRequests } from './content-requests.ts';
import type { AnalyzeSteps } from './engine.ts';
import { createHighlightController } from './highlight-controller.ts';
import { createLifetime } from './lifetime.ts';
import { sameDocument, withoutFragment } from './link-target.ts';
import { createPageAnalysis, HIGHLIGHT_LOAD_MS } from './page-analysis.ts';
import { createPageWatch } from './page-watch.ts';
import { createSidebarSession } from './sidebar-session.ts';

export interface ContentDeps {
  win: Window;
  doc: Document;
  /** Sends a request to the background (sendRequest bound to `browser`). */
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  /** The note editor frame's address for a session token (highlight-controller.ts). */
  noteEditorUrl?: (token: string) => string;
  /** The full engine, loaded on first need (engine.ts: the extension's engine script). */
  engine: () => Promise<AnalyzeSteps>;
  /** The engine's budget of work on a page (ms; sliced.ts BUDGET_MS by default). */
  budgetMs?: number;
}

export function createContentController({
  win,
  doc,
  send,
  t,
  noteEditorUrl,
  engine,
  budgetMs,
}: ContentDeps) {
  const life = createLifetime(win);
  const watch = createPageWatch(doc, life, settle);
  const analysis = createPageAnalysis({
    win,
    doc,
    life,
    send,
    t,
    engine,
    budgetMs,
    changes: watch.changes,
    highlightsLoaded: () => highlights.ensureLoaded(),
  });
  const highlights = createHighlightController({
    win,
    doc,
    send,
    t,
    page: (fresh = false) => (fresh ? analysis.currentPage() : analysis.ensurePage()),
    articleId: analysis.articleId,
    draft: analysis.draft,
    changed: () => sidebar.paint(),
    noteEditorUrl,
    ready: analysis.pageReady,
  });
  const sidebar = createSidebarSession({
    win,
    doc,
    life,
    send,
    t,
    analysis,
    highlights: () => highlights,
    copyMarkdown: () => requests.copyMarkdown(),
  });
  const requests = createContentRequests({
    win,
    doc,
    analysis,
    highlights,
    toggle: () => readerToggle(),
    open: () => sidebar.open(),
    scratchRoot: () => sidebar.liveHost()?.shadow ?? null,
  });

  /** Runs after the page has been quiet for SETTLE_MS: new address, or new content. */
  function settle() {
    const href = win.location.href;
    if (href !== analysis.url()) {
      analysis.newAddress(href);
      analysis.check();
      if (sidebar.isOpen()) sidebar.refresh();
      else if (sidebar.prefs().alwaysOpen && analysis.quick()?.essay) void sidebar.open();
      highlights.reset();
      return;
    }
    if (sidebar.isOpen()) {
      if (analysis.textChanged()) sidebar.refresh();
      highlights.pageChanged();
      return;
    }
    // Closed: the cheap check again, reported only when its verdict changed.
    const changed = analysis.recheck();
    if (changed && sidebar.prefs().alwaysOpen && changed.essay) void sidebar.open();
    highlights.pageChanged();
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
    if (sameDocument(analysis.url(), before)) analysis.setUrl(win.location.href);
    else watch.schedule(); // An address change not yet looked at: let the re-check see it.
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
    sidebar.expandForVisit();
    const target = 'li.hl[data-target="true"]';
    const host = sidebar.liveHost();
    if (host) {
      sidebar.paint();
      life.frame(() => host.shadow.querySelector<HTMLElement>(target)?.focus());
    } else await sidebar.open(target);
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
    if (!early) return sidebar.toggle();
    await early;
    return sidebar.liveHost() ? true : sidebar.toggle();
  }

  async function start() {
    // Opened at a highlight (the library's link): the fragment goes at once, before any
    // re-check or draft could take it for the page's address.
    const linked = takeLinkedHighlight();
    analysis.check();
    highlights.start();
    // Saved highlights are painted without the sidebar: fetched right after the quick check.
    life.timeout(() => void highlights.ensureLoaded(), HIGHLIGHT_LOAD_MS);
    prefsRead = sidebar.readPrefs();
    await prefsRead;
    prefsRead = null;
    if (life.stopped) return;
    if (sidebar.prefs().alwaysOpen && analysis.quick()?.essay) await sidebar.open();
    watch.start();
    // A fragment navigation fires popstate, then hashchange: ours is left to the hashchange.
    life.listen(win, 'popstate', () => {
      if (!highlightIdFromHash(win.location.hash)) watch.schedule();
    });
    life.listen(win, 'hashchange', () => {
      const id = takeLinkedHighlight();
      if (id) void openAt(id);
      else watch.schedule();
    });
    if (linked) await openAt(linked);
  }

  function stop() {
    // The sidebar closes, timers, frames, listeners and the observer end; then the highlights.
    life.stop();
    highlights.stop();
  }

  return {
    start,
    stop,
    handle: requests.handle,
    toggle: () => sidebar.toggle(),
    open: (focus?: string) => sidebar.open(focus),
    close: () => sidebar.close(),
    isOpen: () => sidebar.liveHost() !== null,
    /** The sidebar's host and closed root while it is open (this script's own view; tests read it). */
    sidebar: (): { host: HTMLElement; root: ShadowRoot } | null => {
      const host = sidebar.handle();
      return host && { host: host.host, root: host.shadow };
    },
  };
}

export type ContentController = ReturnType<typeof createContentController>;

/**
 * The sidebar's session on a page: its host and view, the site's preferences
 * (width, side, collapsed, always open), the point the reader is at as the
 * page scrolls, the page's room beside it (reflow.ts), and the focus going in
 * on open and back to the page on close.
 */
import { h, render } from 'preact';
import { Sidebar, type SidebarView } from '../components/sidebar/Sidebar.tsx';
import type { Translate } from '../components/sidebar/sidebar-messages.ts';
import {
  DEFAULT_SITE_PREFS,
  errorMessage,
  SIDEBAR_WIDTH,
  type ReplyTo,
  type Request,
  type SitePrefs,
} from '../protocol/messages.ts';
import type { FlatNode } from './flat-outline.ts';
import { flashElement } from './flash.ts';
import type { HighlightController } from './highlight-controller.ts';
import type { Lifetime } from './lifetime.ts';
import type { PageAnalysis } from './page-analysis.ts';
import { currentPointId, type PageOutline } from './page-outline.ts';
import { Stopped } from './sliced.ts';
import { reflowBeside, type Reflow } from './reflow.ts';
import { CURRENT_LINE, scrollToPoint } from './scroll-to.ts';
import { COLLAPSED_WIDTH, createSidebarHost, type SidebarHost } from './sidebar-host.ts';

/** The HTML namespace: a page whose root is not in it (SVG, XML) cannot show the sidebar. */
const XHTML = 'http://www.w3.org/1999/xhtml';
/** After a click, the clicked point stays current while the smooth scroll runs (ms). */
const PIN_MS = 1200;
/**
 * Pages of more elements than this are not reflowed: laying out 50,000 paragraphs at a
 * new width froze such a page for 1–2 s in Chromium. The sidebar lies over them, and the
 * reader can move it to the other side (⇆). Article pages have a few thousand at most.
 */
export const REFLOW_MAX_ELEMENTS = 20_000;

/** Whether the page is small enough to reflow beside the sidebar. */
const roomy = (doc: Document) => doc.getElementsByTagName('*').length <= REFLOW_MAX_ELEMENTS;

/** What the focus goes to when the sidebar opens: the outline (see {@link SidebarSession.open}). */
export const OUTLINE_FOCUS = 'button.item[aria-current="true"], button.item, .scroll[tabindex]';

export interface SidebarSessionDeps {
  win: Window;
  doc: Document;
  life: Lifetime;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  analysis: PageAnalysis;
  highlights: () => HighlightController;
  /** Copies the page's Markdown; false when the clipboard refused. */
  copyMarkdown(): Promise<boolean>;
}

export function createSidebarSession(deps: SidebarSessionDeps) {
  const { win, doc, life, send, t, analysis } = deps;
  let host: SidebarHost | null = null;
  let view: SidebarView = { kind: 'loading' };
  let prefs: SitePrefs = { ...DEFAULT_SITE_PREFS };
  let currentId: string | null = null;
  let pinnedUntil = 0;
  /** Where the focus was on the page when the sidebar opened (given back on close). */
  let focusBefore: HTMLElement | null = null;
  /** The page's room for the open sidebar (reflow.ts). */
  let reflow: Reflow | null = null;
  let unlisten: (() => void)[] = [];

  const site = () => win.location.hostname || win.location.protocol;

  /**
   * The view of the page's outline; made again when the page changed since. A long page
   * is outlined in slices (sliced.ts): the view says so meanwhile, and the promise
   * returned resolves once the outline is shown (null: shown already).
   */
  function setViewFromPage(): Promise<void> | null {
    if (!analysis.engineLoaded()) return null; // open() has put the reason in `view`
    let made: ReturnType<PageAnalysis['outline']>;
    try {
      // The outline made at idle serves while the page has not changed since.
      made = analysis.outline();
    } catch (err) {
      showOutline(err);
      return null;
    }
    if (!(made instanceof Promise)) {
      showOutline(null, made);
      return null;
    }
    // An outline already shown stays while the page's new one is made.
    if (view.kind !== 'ready') view = { kind: 'loading' };
    return made.then(
      // The outline is rendered in a task of its own (the one that made it was long enough).
      (p) =>
        new Promise<void>((shown) =>
          life.timeout(() => {
            if (host) {
              showOutline(null, p);
              paint();
            }
            shown();
          }, 0),
        ),
      (err: unknown): Promise<void> | void => {
        if (!host || life.stopped) return;
        // Stopped: a newer run took over (the page changed): the view waits for that one.
        if (err instanceof Stopped) {
          const newer = setViewFromPage();
          if (newer) return newer;
        } else showOutline(err);
        paint();
      },
    );
  }

  /** Puts the page's outline (or what went wrong) in the view, and finds the current point. */
  function showOutline(err: unknown, p?: PageOutline) {
    // Title, author, highlights and the actions on every page; "no structure found"
    // stands in for an outline where there is none.
    if (p) {
      view = { kind: 'ready', outline: p.outline, flat: p.flat };
      if (p.gaveUp !== undefined) view.note = t('sidebarTooLong', [String(p.gaveUp)]);
    } else view = { kind: 'error', error: errorMessage(err) };
    currentId = null;
    // Where the reader is needs the page's layout: read it on the next frame, after the
    // sidebar has rendered, not synchronously here (that forced a full layout mid-open).
    life.frame(() => updateCurrent(true));
  }

  function paint() {
    if (!host) return;
    const width = prefs.collapsed ? COLLAPSED_WIDTH : prefs.width;
    host.setWidth(width, prefs.side);
    reflow?.setWidth(width, prefs.side);
    render(
      h(Sidebar, {
        view,
        docTitle: analysis.docTitle(),
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
        onCopy: deps.copyMarkdown,
        ...deps.highlights().sidebarProps(),
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
    const target = analysis.lastPage()?.targets[item.index];
    if (!target) return;
    const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    scrollToPoint(win, target.element, target.range, !reduce);
    flashElement(target.element);
    currentId = item.id;
    pinnedUntil = Date.now() + PIN_MS;
    paint();
  }

  function updateCurrent(force = false) {
    const page = analysis.lastPage();
    if (!page || !host) return;
    if (!force && Date.now() < pinnedUntil) return;
    const id = currentPointId(page, win.innerHeight * CURRENT_LINE);
    if (id !== currentId) {
      currentId = id;
      paint();
    }
  }

  const onScroll = life.perFrame(() => updateCurrent());

  async function open(focus = OUTLINE_FOCUS): Promise<void> {
    if (liveHost()) return;
    // An SVG image or an XML file: a sidebar there would not render. Said, not pretended.
    if (doc.documentElement?.namespaceURI !== XHTML || !doc.body)
      throw new Error(t('sidebarNotHtml'));
    try {
      await analysis.engineReady();
    } catch (err) {
      view = { kind: 'error', error: errorMessage(err) };
    }
    if (liveHost() || life.stopped) return;
    // Marks for the browser bench (open → outlined → rendered); a few entries, no cost to speak of.
    analysis.mark('gangmu:open');
    // Outline first, while the page's styles are settled: reading computed styles after the
    // sidebar is inserted would recalculate the whole page's styles first. Then one render.
    // A long page's outline comes later (the sidebar says so meanwhile).
    const later = setViewFromPage();
    if (!later) analysis.mark('gangmu:outlined');
    const width = prefs.collapsed ? COLLAPSED_WIDTH : prefs.width;
    host = createSidebarHost(doc, width, prefs.side);
    // The page reflows beside the sidebar: no line of the essay runs under it. A long page
    // that is still being outlined reflows once its outline is shown: a page's new layout
    // makes every computed style the outline still reads cost a full recalculation.
    const makeRoom = () => {
      reflow = roomy(doc)
        ? reflowBeside(doc, prefs.collapsed ? COLLAPSED_WIDTH : prefs.width, prefs.side)
        : null;
    };
    if (!later) makeRoom();
    paint();
    if (!later) analysis.mark('gangmu:rendered');
    // Capture: scrolls of inner scroll boxes do not bubble.
    unlisten = [
      life.listen(doc, 'scroll', onScroll, { capture: true, passive: true }),
      life.listen(win, 'resize', onScroll, { passive: true }),
    ];
    // Focus on the outline — the current point, else the first — so ↑/↓/Enter work at once;
    // without an outline, the sidebar's contents (never the close button: Enter would close
    // it). On the next frame: focusing forces a layout, which the frame does anyway. Esc
    // gives the focus back to where it was on the page.
    const shadow = host.shadow;
    const active = doc.activeElement as HTMLElement | null;
    focusBefore =
      active && active !== doc.body && typeof active.focus === 'function' ? active : null;
    if (later) {
      await later;
      if (host?.shadow !== shadow || life.stopped) return;
      if (!reflow) makeRoom();
      analysis.mark('gangmu:outlined');
      analysis.mark('gangmu:rendered');
    }
    // One frame: the frame callback that marks the current point (setViewFromPage's) was
    // queued first, so it has run and rendered when this one looks for it.
    life.frame(() =>
      // The outline keeps its current point in view itself; another target (a linked
      // orphan) is scrolled to inside the sidebar by focusing it.
      shadow.querySelector<HTMLElement>(focus)?.focus({ preventScroll: focus === OUTLINE_FOCUS }),
    );
  }

  function close() {
    if (!host) return;
    deps.highlights().clearLink();
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
    for (const remove of unlisten.splice(0)) remove();
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

  life.onStop(close);

  return {
    open,
    close,
    toggle,
    paint,
    liveHost,
    /** The open sidebar shows the page's outline again (a new address, changed content). */
    refresh() {
      if (!host) return;
      setViewFromPage();
      paint();
    },
    prefs: () => prefs,
    /** The site's stored preferences, read once at start. */
    async readPrefs() {
      const reply = await send({ type: 'get-site-prefs', site: site() });
      if (reply.ok) prefs = reply.value;
    },
    /** Shows the sidebar expanded for this visit (not stored). */
    expandForVisit() {
      if (prefs.collapsed) prefs = { ...prefs, collapsed: false };
    },
    isOpen: () => host !== null,
    handle: () => host,
  };
}

export type SidebarSession = ReturnType<typeof createSidebarSession>;

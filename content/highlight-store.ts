/**
 * The page's highlights as stored and as placed: loads the article's saved
 * highlights, anchors them in the page's text (offsets over `document.body`,
 * see {@link textRoot}) and paints the placed ones, and makes every change —
 * create, recolour, note, delete — here first and then through the background.
 * The selection toolbar (selection-toolbar.ts) and the sidebar's lists
 * (highlight-controller.ts) act through it.
 */
import { describe } from '../lib/anchoring/describe.ts';
import { pathKey } from '../lib/anchoring/outline-ranges.ts';
import { buildTextMap, rangeFromOffsets, type TextMap } from '../lib/anchoring/text-map.ts';
import type { ExportedHighlight } from '../lib/export/highlights-md.ts';
import type { Highlight, HighlightColor } from '../lib/model.ts';
import {
  exportItems,
  groupPlacements,
  nodePathAt,
  placedAt,
  placeHighlights,
  replaceHighlight,
  withNodePaths,
  type PageStructure,
  type Placement,
} from './placement.ts';
import type { ArticleDraft, ReplyTo, Request } from '../protocol/messages.ts';
import { EngineNotReady } from './engine.ts';
import { flashElement } from './flash.ts';
import { createPainter } from './highlight-painter.ts';
import { linkTarget, type LinkTarget } from './link-target.ts';
import type { PageOutline } from './page-outline.ts';
import { pageStructure } from './page-structure.ts';
import { scrollToPoint } from './scroll-to.ts';

/**
 * The text root for offsets: `document.body`. It is the same element on every
 * load, whatever the article finder decides; the engine's article container
 * can change when the page changes (a comment list grows, a sidebar is added),
 * which would make every saved position meaningless. Text added before the
 * highlight (page chrome included) shifts positions, which the quote selector
 * and its context then absorb.
 */
export function textRoot(doc: Document): Element {
  return doc.body ?? doc.documentElement;
}

/** A random UUID; `crypto.randomUUID` only exists in secure contexts (not on http:// pages). */
function newId(win: Window): string {
  const c = win.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const now = () => new Date().toISOString();

export interface HighlightStoreDeps {
  win: Window;
  doc: Document;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  /** The page's outline, running the engine when needed (`fresh`: run it again). */
  page(fresh?: boolean): PageOutline;
  /** The key of the page's article (its normalised URL). */
  articleId(): string;
  /** The page's article as it would be saved (sent with each highlight). */
  draft(): ArticleDraft;
  /** What the sidebar shows has changed. */
  changed(): void;
  /**
   * Resolves once `page()` and `draft()` can run (engine.ts; with `current`, once an
   * outline made since the page last changed is at hand); absent where the engine is
   * at hand.
   */
  ready?(current?: boolean): Promise<void>;
  /** The article's saved highlights when the caller has just read them: the first load uses these. */
  preloaded?: readonly Highlight[];
  /** A highlight was taken off the page (the toolbar showing it closes). */
  removed?(id: string): void;
  /**
   * Whether a new highlight keeps its position selector (default true). False where
   * the text's offsets are not the page's: the library's reader of a saved text, whose
   * highlights the original page must find by their words and context alone.
   */
  positions?: boolean;
}

export function createHighlightStore(deps: HighlightStoreDeps) {
  const { win, doc, send } = deps;
  const painter = createPainter(doc, win);
  let stored: Highlight[] = [];
  let placements: Placement[] = [];
  let loading: Promise<void> | null = null;
  let laidOutLength = -1;
  /** A linked highlight (`#gangmu-hl=`) that could not be shown on the page: marked in the sidebar. */
  let linked: { id: string; kind: 'orphan' | 'unknown' } | null = null;
  let preloaded = deps.preloaded;
  /** Set by stop(): a load still under way paints nothing after it. */
  let stopped = false;

  const root = () => textRoot(doc);

  /** Each outline node's section of the text (from where its words start). */
  const structureOf = (map: TextMap, page: PageOutline): PageStructure =>
    pageStructure(doc, map, page);

  /** A performance mark for the browser bench (restore timing); cheap, and never fails the page. */
  function mark(name: string) {
    try {
      win.performance?.mark(name);
    } catch {
      // Deliberately silent: a page that replaced `performance` only loses the bench marks.
    }
  }

  function repaint() {
    const items = placements.flatMap((p) =>
      p.placed
        ? [{ id: p.highlight.id, color: p.highlight.color, start: p.start, end: p.end }]
        : [],
    );
    if (items.length) painter.paint(root(), items);
    else painter.clear();
  }

  /** Fills the placements' node paths when {@link relayout} left them for later (see there). */
  let resolvePaths: ((current?: boolean) => void) | null = null;
  /** Whether the node paths wait for the page's outline (made in slices) already. */
  let waitingForPage = false;
  /** The outline awaited for the node paths is at hand: they take it, however the page moved since. */
  let pageAwaited = false;
  function ensurePaths() {
    const resolve = resolvePaths;
    if (!resolve) return;
    resolvePaths = null;
    try {
      resolve(pageAwaited ? false : undefined);
    } catch (err) {
      if (!(err instanceof EngineNotReady) || !deps.ready) throw err;
      // A long page being outlined in slices: its highlights are listed without their
      // points meanwhile, and again under them once that outline is made.
      resolvePaths ??= resolve;
      if (waitingForPage) return;
      waitingForPage = true;
      void deps.ready(true).then(
        () => {
          waitingForPage = false;
          pageAwaited = true;
          if (!stopped) deps.changed();
        },
        () => {
          waitingForPage = false;
        },
      );
    }
  }

  /**
   * Anchors every stored highlight in the page as it is now, and paints the
   * placed ones. The page's outline (the full engine) is built only when a
   * highlight needs the node check; otherwise the node paths, which only the
   * sidebar and the export use, are filled when they first ask
   * ({@link ensurePaths}) — painting never waits for the engine.
   */
  function relayout(freshPage = false) {
    if (stopped) return;
    const map = buildTextMap(root());
    let structure: PageStructure | null = null;
    const lazy = (current = freshPage) => (structure ??= structureOf(map, deps.page(current)));
    resolvePaths = null;
    pageAwaited = false;
    const placed = placeHighlights(map.text, stored, lazy);
    placements = placed;
    if (!structure)
      resolvePaths = (current?: boolean) => {
        // Every change to the list resolves first; this guards against one that did not.
        if (placements === placed) placements = withNodePaths(placed, lazy(current));
      };
    laidOutLength = map.text.length;
    repaint();
    deps.changed();
  }

  /**
   * {@link relayout}, which paints without the engine unless a highlight needs
   * the node check: then the engine is loaded (on web pages, on first need) and
   * the layout done again.
   */
  async function relayoutWhenReady(freshPage = false): Promise<void> {
    try {
      relayout(freshPage);
    } catch (err) {
      if (!(err instanceof EngineNotReady) || !deps.ready) throw err;
      // The engine loading, or a long page's outline being made in slices: laid out again
      // once it is at hand, with the outline awaited (the page may have moved since).
      await deps.ready(freshPage);
      relayout(false);
    }
  }

  function report() {
    void send({ type: 'report-highlights', count: stored.length }).then((r) => {
      if (!r.ok) console.debug('[Gangmu] highlight count not taken:', r.error);
    });
  }

  /**
   * Fetches the article's saved highlights and restores them. Marks for the
   * browser bench: `gangmu:restore-start` (before asking the background),
   * `gangmu:restore-fetched` (reply in hand), `gangmu:restore-end` (anchored and
   * handed to the painter: `CSS.highlights` set), all three on every page,
   * whether or not there is something to restore.
   */
  async function load() {
    mark('gangmu:restore-start');
    if (preloaded) {
      stored = [...preloaded];
      preloaded = undefined;
    } else {
      const reply = await send({ type: 'get-article', articleId: deps.articleId() });
      if (!reply.ok) {
        console.debug('[Gangmu] could not read saved highlights:', reply.error);
        return;
      }
      stored = reply.value.highlights;
    }
    // Marked whether or not there is anything to restore: the page can read the marks,
    // and they must not tell it whether the reader keeps highlights here.
    mark('gangmu:restore-fetched');
    if (stored.length) await relayoutWhenReady();
    mark('gangmu:restore-end');
    if (stored.length) report();
  }

  /** Loads the page's saved highlights once (later calls wait for the same load). */
  function ensureLoaded(): Promise<void> {
    loading ??= load().catch((err) => {
      // A failed load leaves the page unhighlighted; the next URL change retries.
      console.debug('[Gangmu] highlight load failed:', err);
    });
    return loading;
  }

  /** Stores a highlight (creating the article when needed); false when the background refused. */
  async function store(highlight: Highlight): Promise<boolean> {
    const reply = await send({ type: 'put-highlight', highlight, article: deps.draft() });
    if (!reply.ok) console.debug('[Gangmu] highlight not stored:', reply.error);
    return reply.ok;
  }

  /** Highlights the text `[start, end)` of the page (offsets over the text root); its id, or null when not stored. */
  async function create(start: number, end: number, color: HighlightColor): Promise<string | null> {
    await deps.ready?.();
    ensurePaths();
    const map = buildTextMap(root());
    const structure = structureOf(map, deps.page());
    const described = describe(map.text, start, end, {
      nodes: structure.nodes,
      rangeOf: (_n, path) => structure.ranges.get(pathKey(path)) ?? null,
    });
    const selectors =
      deps.positions === false ? described.filter((x) => x.kind !== 'position') : described;
    if (!selectors.some((x) => x.kind === 'quote')) return null;
    const at = now();
    const highlight: Highlight = {
      id: newId(win),
      articleId: deps.articleId(),
      color,
      note: '',
      selectors,
      createdAt: at,
      updatedAt: at,
    };
    stored = [...stored, highlight];
    placements = [
      ...placements,
      { placed: true, highlight, start, end, nodePath: nodePathAt(structure, start) },
    ];
    laidOutLength = map.text.length;
    repaint();
    deps.changed();
    if (!(await store(highlight))) {
      // Not stored: do not pretend it was.
      remove(highlight.id, false);
      return null;
    }
    report();
    return highlight.id;
  }

  /** Takes a changed highlight into the lists (stored elsewhere, or about to be). */
  function replace(next: Highlight) {
    stored = stored.map((x) => (x.id === next.id ? next : x));
    placements = replaceHighlight(placements, next);
  }

  function update(id: string, change: Partial<Pick<Highlight, 'color' | 'note'>>) {
    ensurePaths();
    const old = stored.find((x) => x.id === id);
    if (!old) return;
    const next: Highlight = { ...old, ...change, updatedAt: now() };
    replace(next);
    if (change.color) repaint();
    deps.changed();
    void store(next);
  }

  function remove(id: string, persist = true) {
    ensurePaths();
    if (linked?.id === id) linked = null;
    const articleId = stored.find((x) => x.id === id)?.articleId ?? deps.articleId();
    stored = stored.filter((x) => x.id !== id);
    placements = placements.filter((p) => p.highlight.id !== id);
    repaint();
    deps.changed();
    deps.removed?.(id);
    if (!persist) return;
    void send({ type: 'delete-highlight', articleId, id }).then((r) => {
      if (!r.ok) console.debug('[Gangmu] highlight not deleted:', r.error);
    });
    report();
  }

  /** A note stored by the note editor's frame, taken into this page's list. */
  function noteStored(id: string, note: string) {
    ensurePaths();
    const old = stored.find((x) => x.id === id);
    if (old) replace({ ...old, note, updatedAt: now() });
  }

  /** Scrolls to a placed highlight (smoothly unless the reader prefers reduced motion), flashing its element when asked. */
  function goTo(id: string, flash = false) {
    const p = placements.find((x) => x.highlight.id === id);
    if (!p?.placed) return;
    const range = rangeFromOffsets(buildTextMap(root()), p.start, p.end);
    const el = range.startContainer.parentElement ?? root();
    const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    scrollToPoint(win, el, range, !reduce);
    if (flash) flashElement(el);
  }

  /**
   * Follows a link to highlight `id` once the stored highlights are restored
   * ({@link ensureLoaded}): a placed one is scrolled to and flashed, as an
   * outline click does; an orphan or an id not stored for this page is only
   * marked for the sidebar (with a notice), never painted or scrolled to.
   */
  function reveal(id: string): LinkTarget['kind'] {
    const target = linkTarget(placements, id);
    if (target.kind === 'placed') {
      linked = null;
      goTo(id, true);
    } else linked = { id, kind: target.kind };
    deps.changed();
    return target.kind;
  }

  /** A new address: forget this page's highlights and load the new page's. */
  function reset() {
    painter.clear();
    stored = [];
    placements = [];
    linked = null;
    resolvePaths = null;
    loading = null;
    laidOutLength = -1;
    void ensureLoaded();
  }

  /** The page's content may have changed: anchor again when its text did. */
  function pageChanged() {
    if (!stored.length) return;
    if (buildTextMap(root()).text.length === laidOutLength) return;
    void relayoutWhenReady(true).catch((err) =>
      console.debug('[Gangmu] highlights not laid out again:', err),
    );
  }

  return {
    root,
    ensureLoaded,
    create,
    update,
    remove,
    noteStored,
    goTo,
    reveal,
    reset,
    pageChanged,
    /** Forgets the linked highlight's mark and notice (the sidebar was closed). */
    clearLink: () => {
      linked = null;
    },
    linked: () => linked,
    find: (id: string) => stored.find((x) => x.id === id),
    /** The placed highlight covering `[start, end)` of the text, if any. */
    placedAt: (start: number, end: number) => placedAt(placements, start, end),
    /** The placements grouped for the sidebar: per node, intro, orphans. */
    groups: () => {
      ensurePaths();
      return groupPlacements(placements);
    },
    /** For the Markdown export: placed with node paths, orphans with `placed: false`. */
    exportItems: (): ExportedHighlight[] => {
      ensurePaths();
      return exportItems(placements);
    },
    count: () => stored.length,
    /** Takes the paint off the page; a load still under way paints nothing after this. */
    stop: () => {
      stopped = true;
      painter.clear();
    },
  };
}

export type HighlightStore = ReturnType<typeof createHighlightStore>;

/**
 * Highlights and notes on the live page: loads the article's stored
 * highlights soon after the page is checked, anchors and paints them, shows
 * the selection toolbar, stores every change through the background, and
 * gives the sidebar and the Markdown export what they show.
 *
 * Text offsets are taken over `document.body` (see {@link textRoot}).
 */
import { h, render } from 'preact';
import { HighlightLinkNotice } from '../../components/highlights/HighlightLinkNotice.tsx';
import { HighlightList } from '../../components/highlights/HighlightList.tsx';
import { HighlightSections } from '../../components/highlights/HighlightSections.tsx';
import { HighlightToolbar } from '../../components/highlights/HighlightToolbar.tsx';
import { NoteFrame } from '../../components/highlights/NoteFrame.tsx';
import type { Translate } from '../../components/sidebar/sidebar-messages.ts';
import { describe } from '../../lib/anchoring/describe.ts';
import { pathKey } from '../../lib/anchoring/outline-ranges.ts';
import {
  buildTextMap,
  offsetsFromRange,
  rangeFromOffsets,
  type TextMap,
} from '../../lib/anchoring/text-map.ts';
import type { ExportedHighlight } from '../../lib/export/highlights-md.ts';
import type { Highlight, HighlightColor } from '../../lib/model.ts';
import {
  exportItems,
  groupPlacements,
  nodePathAt,
  placedAt,
  placeHighlights,
  withNodePaths,
  replaceHighlight,
  trimOffsets,
  type PageStructure,
  type Placement,
} from '../highlights/placement.ts';
import type { ArticleDraft, ReplyTo, Request } from '../messages.ts';
import type { FlatNode } from './flat-outline.ts';
import { flashElement } from './flash.ts';
import { createPainter } from './highlight-painter.ts';
import { linkTarget, type LinkTarget } from './link-target.ts';
import type { PageOutline } from './page-outline.ts';
import { EngineNotReady } from './engine.ts';
import { pageStructure } from './page-structure.ts';
import { scrollToPoint } from './scroll-to.ts';
import { isOurHost } from './shadow-host.ts';
import { createToolbarHost, type ToolbarHost } from './toolbar-host.ts';

export interface HighlightDeps {
  win: Window;
  doc: Document;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  /** The page's outline, running the engine when needed (`fresh`: run it again). */
  page(fresh?: boolean): PageOutline;
  /** The key of the page's article (its normalised URL). */
  articleId(): string;
  /** The page's article as it would be saved (sent with each highlight). */
  draft(): ArticleDraft;
  /** What the sidebar shows has changed. */
  changed(): void;
  /**
   * The address of the extension's note editor frame for a session token
   * (`runtime.getURL('/note-editor.html#TOKEN')`). Given on web pages: notes are
   * then typed in that frame, out of the page's reach (README → Privacy).
   * Without it (the extension's own paste page) the note is a plain text area.
   */
  noteEditorUrl?: (token: string) => string;
  /**
   * Resolves once `page()` and `draft()` can run: on web pages the engine is
   * loaded on first need (engine.ts). Absent where the engine is at hand.
   */
  ready?(): Promise<void>;
}

/** What the toolbar is showing. */
interface ToolbarState {
  start: number;
  end: number;
  /** The highlight it acts on; null while the selection is not highlighted yet. */
  id: string | null;
  editing: boolean;
  /** Where to stay: a copy of the selection's range. */
  anchor: Range;
}

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

/**
 * Whether the page's listeners should pass an event by: made by a page script
 * (`isTrusted` false: a page may not drive the toolbar), or from one of
 * Gangmu's own hosts (sidebar, toolbar).
 */
function notForUs(e: Event): boolean {
  return !e.isTrusted || isOurHost(e.target as Node | null);
}

/** Whether the selection sits in a form field or an editable region (no highlighting there). */
function inEditable(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export function createHighlightController(deps: HighlightDeps) {
  const { win, doc, send, t } = deps;
  const painter = createPainter(doc, win);
  let stored: Highlight[] = [];
  let placements: Placement[] = [];
  let loading: Promise<void> | null = null;
  let laidOutLength = -1;
  let toolbar: ToolbarHost | null = null;
  let state: ToolbarState | null = null;
  let frame = 0;
  /** A linked highlight (`#gangmu-hl=`) that could not be shown on the page: marked in the sidebar. */
  let linked: { id: string; kind: 'orphan' | 'unknown' } | null = null;

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
  let resolvePaths: (() => void) | null = null;
  function ensurePaths() {
    const resolve = resolvePaths;
    resolvePaths = null;
    resolve?.();
  }

  /**
   * Anchors every stored highlight in the page as it is now, and paints the
   * placed ones. The page's outline (the full engine) is built only when a
   * highlight needs the node check; otherwise the node paths, which only the
   * sidebar and the export use, are filled when they first ask
   * ({@link ensurePaths}) — painting never waits for the engine.
   */
  function relayout(freshPage = false) {
    const map = buildTextMap(root());
    let structure: PageStructure | null = null;
    const lazy = () => (structure ??= structureOf(map, deps.page(freshPage)));
    resolvePaths = null;
    const placed = placeHighlights(map.text, stored, lazy);
    placements = placed;
    if (!structure)
      resolvePaths = () => {
        // Every change to the list resolves first; this guards against one that did not.
        if (placements === placed) placements = withNodePaths(placed, lazy());
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
      await deps.ready();
      relayout(freshPage);
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
    const reply = await send({ type: 'get-article', articleId: deps.articleId() });
    if (!reply.ok) {
      console.debug('[Gangmu] could not read saved highlights:', reply.error);
      return;
    }
    stored = reply.value.highlights;
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

  async function create(start: number, end: number, color: HighlightColor): Promise<string | null> {
    await deps.ready?.();
    ensurePaths();
    const map = buildTextMap(root());
    const structure = structureOf(map, deps.page());
    const selectors = describe(map.text, start, end, {
      nodes: structure.nodes,
      rangeOf: (_n, path) => structure.ranges.get(pathKey(path)) ?? null,
    });
    if (!selectors.length) return null;
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

  function update(id: string, change: Partial<Pick<Highlight, 'color' | 'note'>>) {
    ensurePaths();
    const old = stored.find((x) => x.id === id);
    if (!old) return;
    const next: Highlight = { ...old, ...change, updatedAt: now() };
    stored = stored.map((x) => (x.id === id ? next : x));
    placements = replaceHighlight(placements, next);
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
    if (state?.id === id) hideToolbar();
    if (!persist) return;
    void send({ type: 'delete-highlight', articleId, id }).then((r) => {
      if (!r.ok) console.debug('[Gangmu] highlight not deleted:', r.error);
    });
    report();
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

  /** Forgets the linked highlight's mark and notice (the sidebar was closed). */
  function clearLink() {
    linked = null;
  }

  // -------------------------------------------------------------------------
  // The note editor frame (web pages: deps.noteEditorUrl)

  /** How each open editor frame leaves edit mode, by highlight id. */
  const closers = new Map<string, () => void>();

  /** The note field of highlight `id` on a web page: the editor frame, or undefined (a text area). */
  function noteField(id: string, close: () => void) {
    const url = deps.noteEditorUrl;
    if (!url) return undefined;
    closers.set(id, close);
    const articleId = stored.find((x) => x.id === id)?.articleId ?? deps.articleId();
    return h(NoteFrame, {
      key: id,
      t,
      open: async () => {
        const reply = await send({ type: 'open-note-editor', articleId, highlightId: id });
        if (!reply.ok) console.debug('[Gangmu] no note editor:', reply.error);
        return reply.ok ? url(reply.value.token) : null;
      },
    });
  }

  /**
   * The editor frame of highlight `id` has closed (the background's word): the
   * note, already stored there, is taken into this page's list (null: cancelled).
   */
  function noteClosed(id: string, note: string | null) {
    if (note !== null) {
      ensurePaths();
      const old = stored.find((x) => x.id === id);
      if (old) {
        const next: Highlight = { ...old, note, updatedAt: now() };
        stored = stored.map((x) => (x.id === id ? next : x));
        placements = replaceHighlight(placements, next);
      }
    }
    const close = closers.get(id);
    closers.delete(id);
    close?.();
    deps.changed();
    renderToolbar();
  }

  // -------------------------------------------------------------------------
  // Toolbar

  function renderToolbar() {
    if (!toolbar || !state) return;
    const current = state.id ? stored.find((x) => x.id === state!.id) : undefined;
    render(
      h(HighlightToolbar, {
        mode: current ? 'existing' : 'new',
        color: current?.color ?? null,
        note: current?.note ?? '',
        editing: state.editing,
        t,
        onColor: (color: HighlightColor) => void pickColor(color),
        onNote: () => void openNote(),
        onSaveNote: (note: string) => {
          if (state?.id) update(state.id, { note: note.trim() });
          hideToolbar();
        },
        onRemove: () => state?.id && remove(state.id),
        onClose: hideToolbar,
        noteField:
          deps.noteEditorUrl && current && state.editing
            ? () => noteField(current.id, hideToolbar)
            : undefined,
      }),
      toolbar.mount,
    );
    place();
  }

  function place() {
    if (!toolbar || !state) return;
    const rect = state.anchor.getBoundingClientRect();
    toolbar.placeNear(rect);
  }

  const onScroll = () => {
    if (frame || !state) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };

  function showToolbar(next: ToolbarState) {
    // A toolbar the page took off the document is let go: a new one is made.
    if (toolbar && !toolbar.host.isConnected) hideToolbar();
    state = next;
    if (!toolbar) {
      toolbar = createToolbarHost(doc, win);
      doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    }
    renderToolbar();
  }

  function hideToolbar() {
    state = null;
    if (!toolbar) return;
    render(null, toolbar.mount);
    toolbar.remove();
    toolbar = null;
    doc.removeEventListener('scroll', onScroll, { capture: true });
  }

  async function pickColor(color: HighlightColor) {
    if (!state) return;
    if (state.id) {
      update(state.id, { color });
      renderToolbar();
      return;
    }
    const s = state;
    const id = await create(s.start, s.end, color);
    // The painted colour now shows what was made: the page's selection is no longer needed.
    win.getSelection()?.removeAllRanges();
    if (id && state === s) showToolbar({ ...s, id });
  }

  async function openNote() {
    if (!state) return;
    const s = state;
    const id = s.id ?? (await create(s.start, s.end, 'yellow'));
    if (!id) return;
    win.getSelection()?.removeAllRanges();
    if (state === s) showToolbar({ ...s, id, editing: true });
  }

  /** Looks at the page's selection after a mouse or keyboard selection ends. */
  function inspectSelection() {
    // On every page: highlighting never waits for an essay or an outline.
    const sel = win.getSelection();
    if (!sel || sel.rangeCount === 0) return hideToolbar();
    const range = sel.getRangeAt(0);
    const r = root();
    if (!r.contains(range.commonAncestorContainer) || inEditable(range.commonAncestorContainer))
      return hideToolbar();
    const map = buildTextMap(r);
    const off = offsetsFromRange(map, range);
    if (range.collapsed) {
      // A click inside a highlight opens the toolbar for it.
      const hit = placedAt(placements, off.start, off.start);
      if (!hit) return hideToolbar();
      const anchor = rangeFromOffsets(map, hit.start, hit.end);
      return showToolbar({
        start: hit.start,
        end: hit.end,
        id: hit.highlight.id,
        editing: false,
        anchor,
      });
    }
    const trimmed = trimOffsets(map.text, off.start, off.end);
    if (trimmed.end <= trimmed.start) return hideToolbar();
    const hit = placedAt(placements, trimmed.start, trimmed.end);
    showToolbar({
      start: hit?.start ?? trimmed.start,
      end: hit?.end ?? trimmed.end,
      id: hit?.highlight.id ?? null,
      editing: false,
      anchor: range.cloneRange(),
    });
  }

  const onMouseUp = (e: MouseEvent) => {
    if (e.button !== 0 || notForUs(e)) return;
    // After the browser has updated the selection for this click.
    setTimeout(inspectSelection, 0);
  };
  const onMouseDown = (e: MouseEvent) => {
    if (!notForUs(e) && !state?.editing) hideToolbar();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (notForUs(e)) return;
    if (e.key === 'Escape') return hideToolbar();
    // A keyboard selection (Shift+arrows, caret browsing) ends with Shift released.
    if (e.key === 'Shift' || (e.shiftKey && e.key.startsWith('Arrow'))) inspectSelection();
  };

  function start() {
    doc.addEventListener('mouseup', onMouseUp);
    doc.addEventListener('mousedown', onMouseDown);
    doc.addEventListener('keyup', onKeyUp);
  }

  function stop() {
    hideToolbar();
    painter.clear();
    doc.removeEventListener('mouseup', onMouseUp);
    doc.removeEventListener('mousedown', onMouseDown);
    doc.removeEventListener('keyup', onKeyUp);
  }

  /** A new address: forget this page's highlights and load the new page's. */
  function reset() {
    hideToolbar();
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

  // -------------------------------------------------------------------------
  // For the sidebar and the export

  const actions = {
    onGo: goTo,
    onSaveNote: (id: string, note: string) => update(id, { note: note.trim() }),
    onDelete: (id: string) => remove(id),
    noteField: deps.noteEditorUrl
      ? (hl: Highlight, close: () => void) => noteField(hl.id, close)
      : undefined,
  };

  /** The sidebar's highlight props: count, per-node lists, intro and orphan sections. */
  function sidebarProps() {
    ensurePaths();
    const g = groupPlacements(placements);
    return {
      highlightCount: stored.length,
      notice: linked && h(HighlightLinkNotice, { kind: linked.kind, t }),
      renderNodeExtra: (item: FlatNode) =>
        h(HighlightList, {
          highlights: (g.byNode.get(item.id) ?? []).map((p) => p.highlight),
          placed: true,
          t,
          ...actions,
        }),
      children: h(HighlightSections, {
        intro: g.intro.map((p) => p.highlight),
        orphans: g.orphans.map((p) => p.highlight),
        targetId: linked?.kind === 'orphan' ? linked.id : null,
        t,
        ...actions,
      }),
    };
  }

  return {
    start,
    stop,
    reset,
    ensureLoaded,
    reveal,
    clearLink,
    pageChanged,
    noteClosed,
    sidebarProps,
    /** For the Markdown export: placed with node paths, orphans with `placed: false`. */
    exportItems: (): ExportedHighlight[] => {
      ensurePaths();
      return exportItems(placements);
    },
    count: () => stored.length,
  };
}

export type HighlightController = ReturnType<typeof createHighlightController>;
